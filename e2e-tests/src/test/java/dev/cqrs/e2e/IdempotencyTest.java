package dev.cqrs.e2e;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.cqrs.e2e.SystemUnderTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key through the running command service: replay, mismatch and a repeat while in progress. */
class IdempotencyTest {

    @Test
    void replayMismatchAndInProgress() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"title\":\"idempotent " + key + "\"}";

        var first = command("POST", "/api/todos", body, "Idempotency-Key", key);
        var replay = command("POST", "/api/todos", body, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(header(replay, "Location")).isEqualTo(header(first, "Location"));
        assertThat(countOnPrimary("SELECT COUNT(*) FROM command_db.todo WHERE title = ?", "idempotent " + key))
                .as("the command ran once").isEqualTo(1);

        var mismatch = command("POST", "/api/todos", "{\"title\":\"something else\"}", "Idempotency-Key", key);
        assertThat(mismatch.statusCode()).isEqualTo(422);

        String slowKey = UUID.randomUUID().toString();
        command("POST", "/api/todos", body, "Idempotency-Key", slowKey);
        try (var c = primary(); var st = c.prepareStatement("UPDATE command_db.idempotency_key SET state = 'IN_PROGRESS', "
                + "lease_until = NOW(6) + INTERVAL 1 MINUTE WHERE idem_key = ?")) {
            st.setString(1, slowKey);
            st.executeUpdate(); // the state a request that is still running leaves behind
        }
        assertThat(command("POST", "/api/todos", body, "Idempotency-Key", slowKey).statusCode()).isEqualTo(409);
    }
}
