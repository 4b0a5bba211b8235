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
    void indexesAreOptionalAndReadWithTheirKeys() throws Exception {
        String json = """
                {"prefix":"x","topics":{"domainEvents":{"name":"t.fifo","env":"T"}},
                 "queues":{"projector":{"name":"p.fifo","dlq":"pd.fifo","env":"P","dlqEnv":"PD","maxReceiveCount":5},
                           "audit":{"name":"a.fifo","dlq":"ad.fifo","env":"A","dlqEnv":"AD","maxReceiveCount":5}},
                 "tables":{"employees":{"name":"e","env":"E","partitionKey":"pk","sortKey":"sk"},
                           "audit":{"name":"au","env":"AU","partitionKey":"pk","sortKey":"sk",
                                    "indexes":[{"name":"byDay","partitionKey":"gsi1pk","sortKey":"gsi1sk"}]}}}
                """;
        ResourceNames names = ResourceNames.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(names.employeesTable().indexes()).isEmpty();
        assertThat(names.auditTable().indexes())
                .containsExactly(new ResourceNames.Index("byDay", "gsi1pk", "gsi1sk"));

        String withoutSortKey = json.replace(",\"sortKey\":\"gsi1sk\"", "");
        assertThatThrownBy(() -> ResourceNames.parse(
                new ByteArrayInputStream(withoutSortKey.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("missing sortKey");
    }

    @Test
    void missingFieldsAreReported() {
        InputStream in = new ByteArrayInputStream("{\"prefix\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ResourceNames.parse(in)).hasMessageContaining("missing topics.domainEvents");
    }
}
