package dev.cqrs.command.todo;

import dev.cqrs.command.ApiClient;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.todo.TodoCreated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/todos against the real MySQL primary: the todo and its event commit together, or nothing does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.relay.enabled=false")
class CreateTodoTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createsTheTodoAndItsEventInOneTransaction() throws Exception {
        HttpResponse<String> response = post("{\"title\":\"  Buy milk \",\"description\":\"2 litres\"}",
                "X-Correlation-Id", "corr-create-1");

        assertThat(response.statusCode()).isEqualTo(201);
        String id = EventJson.tree(response.body()).get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/todos/" + id);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("corr-create-1");

        Map<String, Object> todo = jdbc.sql("SELECT * FROM todo WHERE id = ?").param(id).query().singleRow();
        assertThat(todo).containsEntry("title", "Buy milk").containsEntry("description", "2 litres")
                .containsEntry("version", 1L);

        String body = jdbc.sql("SELECT body FROM outbox WHERE aggregate_id = ?").param(id).query(String.class).single();
        var envelope = EventJson.read(body);
        assertThat(envelope.eventType()).isEqualTo("TodoCreated");
        assertThat(envelope.aggregateVersion()).isEqualTo(1);
        assertThat(envelope.correlationId()).isEqualTo("corr-create-1");
        assertThat(envelope.actor()).as("the token's subject").isEqualTo(System.getenv("AUTH_CLIENT_ID"));
        TodoCreated created = envelope.payloadAs(TodoCreated.class);
        assertThat(created.title()).isEqualTo("Buy milk");
        assertThat(created.createdAt()).as("event and row agree to the microsecond")
                .isEqualTo(((LocalDateTime) todo.get("created_at")).toInstant(ZoneOffset.UTC));
    }

    @Test
    void rejectsInvalidFieldsWithProblemDetailsAndWritesNothing() throws Exception {
        long before = count();
        HttpResponse<String> response = post("{\"title\":\"\",\"description\":\"" + "x".repeat(2001) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        var problem = EventJson.tree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "description");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void rejectsUnknownFieldsAndMalformedJson() throws Exception {
        assertThat(post("{\"title\":\"x\",\"priority\":1}").statusCode()).isEqualTo(400);
        assertThat(post("{\"title\":").statusCode()).isEqualTo(400);
        assertThat(post("{\"title\":").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single();
    }

    private HttpResponse<String> post(String json, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/todos"))
                .header("Content-Type", "application/json")
                .header("Authorization", ApiClient.TEST_CLIENT.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
