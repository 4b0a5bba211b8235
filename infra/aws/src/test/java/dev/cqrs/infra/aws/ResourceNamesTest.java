package dev.cqrs.infra.aws;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceNamesTest {

    @Test
    void theCopyOnTheTestClasspathIsTheOneDefinition() throws Exception {
        ResourceNames fromFile = ResourceNames.fromFile(Path.of(System.getProperty(ResourceNames.FILE_PROPERTY)));
        try (InputStream in = getClass().getResourceAsStream("/resources.json")) {
            assertThat(ResourceNames.parse(in)).isEqualTo(fromFile);
        }
        assertThat(ResourceNames.load()).isEqualTo(fromFile);
    }

    @Test
    void fifoNamesAndEnvironmentKeys() {
        ResourceNames names = ResourceNames.load();
        assertThat(names.domainEvents().name()).endsWith(".fifo");
        for (ResourceNames.Queue q : names.queues()) {
            assertThat(q.name()).endsWith(".fifo");
            assertThat(q.dlq()).endsWith(".fifo");
            assertThat(q.env()).matches("[A-Z_]+");
            assertThat(q.dlqEnv()).matches("[A-Z_]+");
        }
        assertThat(names.employeesTable().env()).isEqualTo("EMPLOYEES_TABLE");
        assertThat(names.auditTable().env()).isEqualTo("AUDIT_TABLE");
    }

    @Test
    void missingFieldsAreReported() {
        InputStream in = new ByteArrayInputStream("{\"prefix\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ResourceNames.parse(in)).hasMessageContaining("missing topics.domainEvents");
    }
}
