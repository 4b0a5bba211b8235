package dev.cqrs.query.pipeline;

import dev.cqrs.query.ApiClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services that cannot be scraped (here all three point at a loopback port nothing listens on) leave their numbers
 * null and are named with the error; query-service's own part (the replicas' lag) is still there and the answer is
 * still 200. The snapshot of the running system, every source up, is e2e-tests' {@code PipelineTest}: the module tests
 * run before the services are started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pipeline.command-service=http://127.0.0.1:1", "pipeline.projector=http://127.0.0.1:1",
        "pipeline.audit-worker=http://127.0.0.1:1"})
class PipelineSourceDownTest {

    private static final String NOWHERE = "http://127.0.0.1:1/actuator/prometheus";

    @LocalServerPort
    int port;

    @Test
    void aServiceThatIsDownIsNamedAndItsPartIsNull() {
        PipelineSnapshot snapshot = ApiClients.reader(port).get().uri("/api/pipeline").exchange()
                .expectStatus().isOk()
                .expectBody(PipelineSnapshot.class).returnResult().getResponseBody();

        assertThat(snapshot.audit()).isEqualTo(new PipelineSnapshot.Audit(null, null, null));
        assertThat(snapshot.outbox().backlogRows()).isNull();
        assertThat(snapshot.queues()).isEmpty();
        assertThat(snapshot.sources()).filteredOn(source -> !source.up())
                .extracting(PipelineSnapshot.Source::name)
                .containsExactly("command-service", "projector", "audit-worker");
        assertThat(snapshot.sources()).filteredOn(source -> !source.up()).allSatisfy(source -> {
            assertThat(source.where()).isEqualTo(NOWHERE);
            assertThat(source.error()).isNotBlank();
        });
        // both local replicas, each read on its own connection by the query user (SHOW REPLICA STATUS)
        assertThat(snapshot.replicas()).extracting(PipelineSnapshot.Replica::name)
                .containsExactly("127.0.0.12:3316", "127.0.0.13:3316");
        assertThat(snapshot.replicas()).allMatch(replica -> replica.lagSeconds() != null && replica.lagSeconds() >= 0);
    }
}
