package dev.cqrs.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.cqrs.e2e.SystemUnderTest.command;
import static dev.cqrs.e2e.SystemUnderTest.json;
import static dev.cqrs.e2e.SystemUnderTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/pipeline} of the running query service (through its validating proxy when bin/test runs one): the
 * real command-service, projector runner and audit worker scraped over HTTP, the real replicas; commands sent while
 * it is read show up as moving publish, apply and audit rates.
 */
class PipelineTest {

    @Test
    void showsEveryPartOfThePipelineFromTheRunningServices() throws Exception {
        HttpResponse<String> response = query("/api/pipeline");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode snapshot = json(response);

        List<String> sources = new ArrayList<>();
        snapshot.get("sources").forEach(source -> {
            sources.add(source.get("name").asString());
            assertThat(source.get("up").asBoolean()).as("%s answered", source).isTrue();
        });
        assertThat(sources).containsExactly("command-service", "projector", "audit-worker", "query-service");
        assertThat(snapshot.at("/outbox/backlogRows").asLong(-1)).isGreaterThanOrEqualTo(0);
        assertThat(snapshot.at("/outbox/oldestUnpublishedAgeSeconds").isNumber()).isTrue();
        List<String> queues = new ArrayList<>();
        List<String> deadLetterQueues = new ArrayList<>();
        snapshot.get("queues").forEach(queue -> {
            queues.add(queue.get("name").asString());
            if (queue.get("deadLetter").asBoolean()) {
                deadLetterQueues.add(queue.get("name").asString());
            }
            assertThat(queue.get("messages").asLong(-1)).as("%s", queue).isGreaterThanOrEqualTo(0);
        });
        assertThat(queues).contains(StackEnv.require("PROJECTOR_QUEUE_NAME"), StackEnv.require("AUDIT_QUEUE_NAME"));
        assertThat(deadLetterQueues).containsExactlyInAnyOrder(StackEnv.require("PROJECTOR_DLQ_NAME"),
                StackEnv.require("AUDIT_DLQ_NAME"));
        assertThat(snapshot.get("replicas")).hasSize(2);
    }

    @Test
    void commandsSentWhileItIsReadShowAsPublishApplyAndAuditRates() throws Exception {
        query("/api/pipeline"); // a first reading, so every later snapshot has a window to compute rates over
        List<String> seen = new ArrayList<>();
        int[] sent = {0};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            if (sent[0] < 40) {
                var created = command("POST", "/api/todos", "{\"title\":\"pipeline watch " + sent[0]++ + "\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
            JsonNode snapshot = json(query("/api/pipeline"));
            JsonNode todo = null;
            for (JsonNode projection : snapshot.get("projections")) {
                if (projection.get("name").asString().equals("todo")) {
                    todo = projection;
                }
            }
            assertThat(todo).as("the todo projection").isNotNull();
            seen.add("published/s=" + snapshot.at("/outbox/publishedPerSecond") + " applied/s="
                    + todo.get("appliedPerSecond") + " audit/s=" + snapshot.at("/audit/recordedPerSecond"));
            assertThat(snapshot.at("/outbox/publishedPerSecond").asDouble(0)).as("%s", seen).isPositive();
            assertThat(todo.get("appliedPerSecond").asDouble(0)).as("%s", seen).isPositive();
            assertThat(snapshot.at("/audit/recordedPerSecond").asDouble(0)).as("%s", seen).isPositive();
        });
    }
}
