package dev.cqrs.query.pipeline;

import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;
import dev.cqrs.query.ApiClients;
import dev.cqrs.query.StackEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/pipeline} of this query service (random port) against the running system: the real command-service,
 * projector runner and audit worker scraped over HTTP, and the real replicas; commands sent through the command API
 * must show up as moving rates. Needs the local stack and the services up ({@code bin/services start}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PipelineApiTest {

    private static final ClientCredentials WRITER = ClientCredentials.fromEnvironment(Scopes.TODOS_WRITE);
    private static final HttpClient COMMANDS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    int port;
    RestTestClient http;

    @BeforeEach
    void client() {
        http = ApiClients.reader(port);
    }

    @Test
    void needsABearerTokenWithScopeRead() {
        ApiClients.anonymous(port).get().uri("/api/pipeline").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json");
        RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", WRITER.authorization()).build()
                .get().uri("/api/pipeline").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void showsEveryPartOfThePipelineFromTheRunningServices() {
        PipelineSnapshot snapshot = http.get().uri("/api/pipeline").exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(PipelineSnapshot.class).returnResult().getResponseBody();

        assertThat(snapshot.sources()).extracting(PipelineSnapshot.Source::name)
                .containsExactly("command-service", "projector", "audit-worker", "query-service");
        assertThat(snapshot.sources()).as("every service answered").allMatch(PipelineSnapshot.Source::up);
        assertThat(snapshot.outbox().backlogRows()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(snapshot.outbox().oldestUnpublishedAgeSeconds()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(snapshot.outbox().parkedRows()).isNotNull();
        assertThat(snapshot.queues()).extracting(PipelineSnapshot.Queue::name).contains(
                StackEnv.require("PROJECTOR_QUEUE_NAME"), StackEnv.require("PROJECTOR_DLQ_NAME"),
                StackEnv.require("AUDIT_QUEUE_NAME"), StackEnv.require("AUDIT_DLQ_NAME"));
        assertThat(snapshot.queues()).filteredOn(PipelineSnapshot.Queue::deadLetter).extracting(PipelineSnapshot.Queue::name)
                .containsExactlyInAnyOrder(StackEnv.require("PROJECTOR_DLQ_NAME"), StackEnv.require("AUDIT_DLQ_NAME"));
        assertThat(snapshot.queues()).allMatch(queue -> queue.messages() != null && queue.messages() >= 0);
        assertThat(snapshot.audit().maxLagSeconds()).isNotNull();
        // both local replicas, each read on its own connection by the query user (SHOW REPLICA STATUS)
        assertThat(snapshot.replicas()).extracting(PipelineSnapshot.Replica::name)
                .containsExactly("127.0.0.12:3316", "127.0.0.13:3316");
        assertThat(snapshot.replicas()).allMatch(replica -> replica.lagSeconds() != null && replica.lagSeconds() >= 0);
    }

    @Test
    void commandsSentWhileThePageWatchesShowAsPublishApplyAndAuditRates() throws Exception {
        // a first reading, so every later snapshot has a window to compute rates over
        read();
        boolean published = false;
        boolean applied = false;
        boolean recorded = false;
        boolean projectionLag = false;
        List<String> seen = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        for (int sent = 0; !(published && applied && recorded && projectionLag); sent++) {
            assertThat(Instant.now()).as("rates seen by the deadline: " + seen).isBefore(deadline);
            if (sent < 40) {
                createTodo("pipeline watch " + sent);
            }
            PipelineSnapshot snapshot = read();
            PipelineSnapshot.Projection todo = snapshot.projections().stream()
                    .filter(p -> p.name().equals("todo")).findFirst().orElseThrow();
            seen.add("published/s=" + snapshot.outbox().publishedPerSecond() + " applied/s=" + todo.appliedPerSecond()
                    + " lag=" + todo.meanLagSeconds() + " audit/s=" + snapshot.audit().recordedPerSecond());
            published |= positive(snapshot.outbox().publishedPerSecond());
            applied |= positive(todo.appliedPerSecond());
            projectionLag |= positive(todo.meanLagSeconds());
            recorded |= positive(snapshot.audit().recordedPerSecond());
            Thread.sleep(200); // the pace of a polling page; the loop ends on the condition or the deadline
        }
    }

    private PipelineSnapshot read() {
        return http.get().uri("/api/pipeline").exchange().expectStatus().isOk()
                .expectBody(PipelineSnapshot.class).returnResult().getResponseBody();
    }

    private static boolean positive(Double value) {
        return value != null && value > 0;
    }

    private static void createTodo(String title) throws Exception {
        HttpResponse<String> response = COMMANDS.send(HttpRequest.newBuilder(
                        URI.create(StackEnv.require("COMMAND_API_URL") + "/api/todos"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", WRITER.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
