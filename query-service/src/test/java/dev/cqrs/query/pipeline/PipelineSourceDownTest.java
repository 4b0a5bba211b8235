package dev.cqrs.query.pipeline;

import dev.cqrs.query.ApiClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that cannot be scraped (here the audit worker's URL points at a loopback port nothing listens on) leaves
 * its numbers null and is named with the error; the rest of the snapshot is still there and the answer is still 200.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pipeline.audit-worker=http://127.0.0.1:1")
class PipelineSourceDownTest {

    @LocalServerPort
    int port;

    @Test
    void aServiceThatIsDownIsNamedAndItsPartIsNull() {
        PipelineSnapshot snapshot = ApiClients.reader(port).get().uri("/api/pipeline").exchange()
                .expectStatus().isOk()
                .expectBody(PipelineSnapshot.class).returnResult().getResponseBody();

        assertThat(snapshot.audit()).isEqualTo(new PipelineSnapshot.Audit(null, null, null));
        assertThat(snapshot.queues()).noneMatch(queue -> queue.consumer().equals("audit-worker"));
        assertThat(snapshot.sources()).filteredOn(source -> !source.up()).singleElement().satisfies(source -> {
            assertThat(source.name()).isEqualTo("audit-worker");
            assertThat(source.where()).isEqualTo("http://127.0.0.1:1/actuator/prometheus");
            assertThat(source.error()).isNotBlank();
        });
        assertThat(snapshot.outbox().backlogRows()).isNotNull();
        assertThat(snapshot.queues()).anyMatch(queue -> queue.consumer().equals("projector"));
    }
}
