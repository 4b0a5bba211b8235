package dev.cqrs.command.web.idempotency;

import dev.cqrs.command.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key semantics against the real primary. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.relay.enabled=false")
class IdempotencyKeyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdempotencyStore store;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aRepeatGetsTheSameResponseWithoutRunningTheCommandAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"title\":\"once only " + key + "\"}";

        var first = api.send("POST", "/api/todos", body, "Idempotency-Key", key);
        var repeat = api.send("POST", "/api/todos", body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(repeat.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM todo WHERE title = ?").param("once only " + key)
                .query(Long.class).single()).as("the command ran once").isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentRequestIs422() throws Exception {
        String key = UUID.randomUUID().toString();
        api.send("POST", "/api/todos", "{\"title\":\"first\"}", "Idempotency-Key", key);

        var reused = api.send("POST", "/api/todos", "{\"title\":\"second\"}", "Idempotency-Key", key);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aRepeatWhileTheFirstIsStillRunningIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"title\":\"slow\"}";
        api.send("POST", "/api/todos", body, "Idempotency-Key", key);
        // put the key back in the state a request still being processed leaves it in
        jdbc.sql("UPDATE idempotency_key SET state = 'IN_PROGRESS', lease_until = NOW(6) + INTERVAL 1 MINUTE "
                + "WHERE idem_key = ?").param(key).update();

        var concurrent = api.send("POST", "/api/todos", body, "Idempotency-Key", key);

        assertThat(concurrent.statusCode()).isEqualTo(409);
    }

    @Test
    void invalidRequestsAreNotRemembered() throws Exception {
        // keys per caller (two subjects, one key): web/BearerTokenTest
        String badKey = UUID.randomUUID().toString();
        var invalid = api.send("POST", "/api/todos", "{\"title\":\"\"}", "Idempotency-Key", badKey);
        var invalidAgain = api.send("POST", "/api/todos", "{\"title\":\"\"}", "Idempotency-Key", badKey);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalidAgain.statusCode()).isEqualTo(400);
        assertThat(invalidAgain.headers().firstValue("Idempotent-Replayed")).as("evaluated again, not replayed")
                .isEmpty();
    }

    @Test
    void keysAreCaseSensitive() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var upper = api.send("POST", "/api/todos", "{\"title\":\"upper\"}", "Idempotency-Key", "Order-7F-" + run);
        var lower = api.send("POST", "/api/todos", "{\"title\":\"lower\"}", "Idempotency-Key", "order-7f-" + run);

        assertThat(upper.statusCode()).isEqualTo(201);
        assertThat(lower.statusCode()).as(lower.body()).isEqualTo(201);
        assertThat(lower.headers().firstValue("Location")).isNotEqualTo(upper.headers().firstValue("Location"));
        assertThat(lower.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void aRequestRefusedBeforeItsCommandRanIsNotRememberedSoTheCorrectedRetryRuns() throws Exception {
        String title = "corrected " + UUID.randomUUID();
        String body = "{\"title\":\"" + title + "\"}";

        String wrongType = UUID.randomUUID().toString();
        var unsupported = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/todos"))
                .header("Content-Type", "text/plain").header("Idempotency-Key", wrongType)
                .header("Authorization", ApiClient.TEST_CLIENT.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(api.send("POST", "/api/todos", body, "Idempotency-Key", wrongType).statusCode()).isEqualTo(201);

        String invalid = UUID.randomUUID().toString();
        assertThat(api.send("POST", "/api/todos", "{\"title\":\"\"}", "Idempotency-Key", invalid).statusCode())
                .isEqualTo(400);
        assertThat(api.send("POST", "/api/todos", body, "Idempotency-Key", invalid).statusCode())
                .as("not 422: the 400 left no record").isEqualTo(201);

        String id = location(api.send("POST", "/api/todos", "{\"title\":\"to edit\"}"));
        String badIfMatch = UUID.randomUUID().toString();
        assertThat(api.send("PUT", "/api/todos/" + id, body, "Idempotency-Key", badIfMatch, "If-Match", "\"one\"")
                .statusCode()).isEqualTo(400);
        var edited = api.send("PUT", "/api/todos/" + id, body, "Idempotency-Key", badIfMatch, "If-Match", "\"1\"");
        assertThat(edited.statusCode()).isEqualTo(200);

        // If-Match is part of the request: the same key with another If-Match is another request
        var otherIfMatch = api.send("PUT", "/api/todos/" + id, body, "Idempotency-Key", badIfMatch, "If-Match", "\"2\"");
        assertThat(otherIfMatch.statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM todo WHERE title = ?").param(title).query(Long.class).single())
                .as("two creates and one edit ran, each once").isEqualTo(3);
    }

    @Test
    void aCommandThatCommittedWhoseResponseWasLostIsNotRunAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "applied once " + key;
        String body = "{\"title\":\"" + title + "\"}";
        api.send("POST", "/api/todos", body, "Idempotency-Key", key);
        // what a crash between the command's commit (which marks the key APPLIED) and storing the response leaves
        jdbc.sql("UPDATE idempotency_key SET state = 'APPLIED', response_status = NULL, response_body = NULL, "
                + "lease_until = NOW(6) - INTERVAL 1 MINUTE WHERE idem_key = ?").param(key).update();

        var retry = api.send("POST", "/api/todos", body, "Idempotency-Key", key);

        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.body()).contains("Request already applied");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM todo WHERE title = ?").param(title).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void onlyTheCurrentOwnerMayMarkCompleteOrReleaseAKey() {
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now();
        var first = store.begin("fencing", key, "f", "owner-a", now, Duration.ofSeconds(1), Duration.ofHours(1));
        assertThat(first).isEqualTo(new IdempotencyStore.Started("owner-a"));
        // a's lease runs out (a is stuck or dead) and a retry takes the key over
        var second = store.begin("fencing", key, "f", "owner-b", now.plusSeconds(2), Duration.ofSeconds(30),
                Duration.ofHours(1));
        assertThat(second).isEqualTo(new IdempotencyStore.Started("owner-b"));

        assertThat(store.markApplied("fencing", key, "owner-a", now.plusSeconds(60))).isFalse();
        store.complete("fencing", key, "owner-a", 201, "{}", "stale");
        store.release("fencing", key, "owner-a");
        var row = jdbc.sql("SELECT state, owner FROM idempotency_key WHERE actor = 'fencing' AND idem_key = ?")
                .param(key).query().singleRow();
        assertThat(row).containsEntry("state", "IN_PROGRESS").containsEntry("owner", "owner-b");

        assertThat(store.markApplied("fencing", key, "owner-b", now.plusSeconds(60))).isTrue();
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String location(HttpResponse<String> created) {
        return created.headers().firstValue("Location").orElseThrow().replace("/api/todos/", "");
    }

    @Test
    void bodiesOverTheCapAre413() throws Exception {
        var huge = api.send("POST", "/api/todos", "{\"title\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
