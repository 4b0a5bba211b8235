package dev.cqrs.command.todo;

import dev.cqrs.command.ApiClient;
import dev.cqrs.contracts.EventJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Edit, complete, reopen, delete and optimistic concurrency, on the real primary. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.relay.enabled=false")
class TodoLifecycleTest {

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
    void eachCommandBumpsTheVersionAndEmitsItsOwnEvent() throws Exception {
        String id = create();
        Object createdAt = row(id).get("created_at");

        var edited = api.send("PUT", "/api/todos/" + id, "{\"title\":\"Buy oat milk\",\"description\":\"1 l\"}",
                "If-Match", "\"1\"");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(edited.headers().firstValue("X-Consistency-Token")).hasValue("2");
        assertThat(api.send("POST", "/api/todos/" + id + "/complete", null).statusCode()).isEqualTo(200);
        assertThat(api.send("POST", "/api/todos/" + id + "/reopen", null, "If-Match", "W/\"3\"").statusCode())
                .isEqualTo(200);

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("title", "Buy oat milk").containsEntry("completed", false)
                .containsEntry("version", 4L);
        assertThat(row.get("created_at")).as("editing never resets the creation time").isEqualTo(createdAt);
        assertThat(row.get("updated_at")).isNotEqualTo(createdAt);

        var deleted = api.send("DELETE", "/api/todos/" + id, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM todo WHERE id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(events(id)).containsExactly("TodoCreated:1", "TodoEdited:2", "TodoCompleted:3", "TodoReopened:4",
                "TodoDeleted:5");
    }

    @Test
    void aStaleIfMatchIs412AndWritesNothing() throws Exception {
        String id = create();
        api.send("PUT", "/api/todos/" + id, "{\"title\":\"v2\"}");

        HttpResponse<String> stale = api.send("PUT", "/api/todos/" + id, "{\"title\":\"lost update\"}",
                "If-Match", "\"1\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(EventJson.tree(stale.body()).get("detail").asString()).contains("version 2");
        assertThat(row(id)).containsEntry("title", "v2").containsEntry("version", 2L);
        assertThat(events(id)).hasSize(2);
    }

    @Test
    void impossibleTransitionsAreConflictsAndUnknownTodosAre404() throws Exception {
        String id = create();
        assertThat(api.send("POST", "/api/todos/" + id + "/reopen", null).statusCode()).isEqualTo(409);
        api.send("POST", "/api/todos/" + id + "/complete", null);
        assertThat(api.send("POST", "/api/todos/" + id + "/complete", null).statusCode()).isEqualTo(409);
        assertThat(api.send("PUT", "/api/todos/" + UUID.randomUUID(), "{\"title\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/todos/not-a-uuid", null).statusCode()).isEqualTo(400);
        assertThat(api.send("PUT", "/api/todos/" + id, "{\"title\":\"x\"}", "If-Match", "banana").statusCode())
                .isEqualTo(400);
        assertThat(events(id)).hasSize(2);
    }

    private String create() throws Exception {
        var created = api.send("POST", "/api/todos", "{\"title\":\"Buy milk\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return EventJson.tree(created.body()).get("id").asString();
    }

    private Map<String, Object> row(String id) {
        return jdbc.sql("SELECT * FROM todo WHERE id = ?").param(id).query().singleRow();
    }

    private List<String> events(String id) {
        return jdbc.sql("SELECT CONCAT(event_type, ':', aggregate_version) FROM outbox WHERE aggregate_id = ? ORDER BY id")
                .param(id).query(String.class).list();
    }
}
