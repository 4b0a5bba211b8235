package dev.cqrs.command.idempotency;

import dev.cqrs.command.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key semantics against the real primary. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.relay.enabled=false")
class IdempotencyKeyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
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
    void keysArePerCallerAndErrorsAreReplayedToo() throws Exception {
        String key = UUID.randomUUID().toString();
        var alice = api.send("POST", "/api/todos", "{\"title\":\"a\"}", "Idempotency-Key", key, "X-User-Id", "alice");
        var bob = api.send("POST", "/api/todos", "{\"title\":\"a\"}", "Idempotency-Key", key, "X-User-Id", "bob");
        assertThat(bob.body()).isNotEqualTo(alice.body());

        String badKey = UUID.randomUUID().toString();
        var invalid = api.send("POST", "/api/todos", "{\"title\":\"\"}", "Idempotency-Key", badKey);
        var invalidAgain = api.send("POST", "/api/todos", "{\"title\":\"\"}", "Idempotency-Key", badKey);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalidAgain.statusCode()).isEqualTo(400);
        assertThat(invalidAgain.body()).isEqualTo(invalid.body());
    }

    @Test
    void bodiesOverTheCapAre413() throws Exception {
        var huge = api.send("POST", "/api/todos", "{\"title\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
