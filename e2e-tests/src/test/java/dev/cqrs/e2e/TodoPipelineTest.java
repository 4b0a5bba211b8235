package dev.cqrs.e2e;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.cqrs.e2e.SystemUnderTest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One todo through the whole system: command-service → outbox → relay → SNS FIFO → SQS FIFO → projector → MySQL
 * primary → replicas → query-service; and → audit queue → audit-worker → DynamoDB → query-service.
 */
class TodoPipelineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void aCreatedTodoBecomesReadableFromAReplicaAndIsAuditedExactlyOnce() throws Exception {
        String title = "e2e " + UUID.randomUUID();
        HttpResponse<String> created = postJson(commandApi() + "/api/todos",
                "{\"title\":\"" + title + "\",\"description\":\"through every component\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> read = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> get(queryApi() + "/api/todos/" + id), r -> r.statusCode() == 200);
        var todo = json(read);
        assertThat(todo.get("title").asString()).isEqualTo(title);
        assertThat(todo.get("description").asString()).isEqualTo("through every component");
        assertThat(todo.get("completed").asBoolean()).isFalse();
        assertThat(todo.get("version").asLong()).isEqualTo(1);
        assertThat(read.headers().firstValue("X-Served-By")).as("served by a replica (server ids 2 and 3)")
                .hasValueSatisfying(serverId -> assertThat(serverId).isIn("2", "3"));

        HttpResponse<String> audit = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> get(queryApi() + "/api/audit?entityType=todo&entityId=" + id),
                        r -> r.statusCode() == 200 && json(r).get("items").size() > 0);
        var items = json(audit).get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("eventType").asString()).isEqualTo("TodoCreated");

        List<Map<String, AttributeValue>> stored = auditItems("todo", id);
        assertThat(stored).as("exactly one audit record in DynamoDB").hasSize(1);
        assertThat(stored.get(0).get("eventType").s()).isEqualTo("TodoCreated");
    }

    @Test
    void anUnknownTodoIsA404ProblemDetail() throws Exception {
        HttpResponse<String> response = get(queryApi() + "/api/todos/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("status").asInt()).isEqualTo(404);
    }
}
