package dev.cqrs.e2e;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static dev.cqrs.e2e.SystemUnderTest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every todo command and query through the running system, each read made with the command's consistency token, so
 * it never needs to poll: the query service itself waits until its replica has caught up.
 */
class TodoLifecycleTest {

    @Test
    void everyCommandIsVisibleToTheNextReadThatCarriesItsConsistencyToken() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        var created = command("POST", "/api/todos", "{\"title\":\"Lifecycle " + marker + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();

        var edited = command("PUT", "/api/todos/" + id, "{\"title\":\"Lifecycle " + marker + " edited\",\"description\":\"d\"}",
                "If-Match", header(created, "ETag"));
        assertThat(edited.statusCode()).isEqualTo(200);
        var afterEdit = query("/api/todos/" + id, "X-Consistency-Token", header(edited, "X-Consistency-Token"));
        assertThat(afterEdit.statusCode()).isEqualTo(200);
        assertThat(json(afterEdit).get("title").asString()).endsWith("edited");
        assertThat(json(afterEdit).get("createdAt").asString()).as("an edit never resets the creation time")
                .isEqualTo(json(query("/api/todos/" + id, "X-Consistency-Token", "1")).get("createdAt").asString());

        var completed = command("POST", "/api/todos/" + id + "/complete", null);
        var afterComplete = query("/api/todos/" + id, "X-Consistency-Token", header(completed, "X-Consistency-Token"));
        assertThat(json(afterComplete).get("completed").asBoolean()).isTrue();
        assertThat(json(query("/api/todos?completed=true&q=" + marker)).get("items").findValuesAsString("id"))
                .containsExactly(id);
        assertThat(json(query("/api/todos?completed=false&q=" + marker)).get("items").size()).isZero();

        var reopened = command("POST", "/api/todos/" + id + "/reopen", null);
        assertThat(json(query("/api/todos/" + id, "X-Consistency-Token", header(reopened, "X-Consistency-Token")))
                .get("completed").asBoolean()).isFalse();

        var deleted = command("DELETE", "/api/todos/" + id, null, "If-Match", header(reopened, "ETag"));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(query("/api/todos/" + id, "X-Consistency-Token", header(deleted, "X-Consistency-Token")).statusCode())
                .isEqualTo(404);
        assertThat(json(query("/api/todos?q=" + marker)).get("items").size()).isZero();

        HttpResponse<String> history = await().atMost(Duration.ofSeconds(30)).until(
                () -> query("/api/audit?entityType=todo&entityId=" + id), r -> json(r).get("items").size() == 5);
        assertThat(json(history).get("items").findValuesAsString("eventType"))
                .containsExactly("TodoDeleted", "TodoReopened", "TodoCompleted", "TodoEdited", "TodoCreated");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() throws Exception {
        String id = json(command("POST", "/api/todos", "{\"title\":\"stale\"}")).get("id").asString();
        var v2 = command("PUT", "/api/todos/" + id, "{\"title\":\"v2\"}", "If-Match", "\"1\"");

        var stale = command("PUT", "/api/todos/" + id, "{\"title\":\"lost update\"}", "If-Match", "\"1\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(header(stale, "Content-Type")).startsWith("application/problem+json");
        var read = query("/api/todos/" + id, "X-Consistency-Token", header(v2, "X-Consistency-Token"));
        assertThat(json(read).get("title").asString()).isEqualTo("v2");
        assertThat(json(read).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aTokenTheReadModelHasNotReachedIsA503WithRetryAfterNeverStaleData() throws Exception {
        String id = json(command("POST", "/api/todos", "{\"title\":\"future\"}")).get("id").asString();

        var tooNew = query("/api/todos/" + id, "X-Consistency-Token", "99");

        assertThat(tooNew.statusCode()).isEqualTo(503);
        assertThat(header(tooNew, "Retry-After")).isEqualTo("1");
    }
}
