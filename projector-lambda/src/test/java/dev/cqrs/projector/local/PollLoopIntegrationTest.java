package dev.cqrs.projector.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.todo.TodoEdited;
import dev.cqrs.projector.Projector;
import dev.cqrs.projector.ProjectorHandler;
import dev.cqrs.projector.ReadDbProbe;
import dev.cqrs.projector.ReadDbProbe.StoredTodo;
import dev.cqrs.projector.StackEnv;
import dev.cqrs.projector.TestEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runner end to end on the real projector queue. Other modules' tests may leave unrelated messages there; the
 * runner processes them too (applied, skipped or parked in the DLQ), which this test tolerates.
 */
class PollLoopIntegrationTest {

    /** Well below the queue's visibility timeout, so a message that was not deleted would block its group past it. */
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    /** The first message may queue behind what earlier test modules published and nobody consumed yet. */
    private static final Duration BACKLOG_DEADLINE = Duration.ofSeconds(90);
    private static final String COMPETING_CONSUMER_HINT = "the row appeared but the runner under test never received "
            + "the message: another consumer took it (is bin/services running the projector?)";

    @Test
    void receivesAppliesAndDeletesThenStopsCleanly() throws Exception {
        String queueName = StackEnv.require("PROJECTOR_QUEUE_NAME");
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        try (Projector projector = Projector.fromEnvironment(System.getenv());
             SqsClient sqs = Projector.sqsClient()) {
            String queueUrl = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
            int visibilityTimeout = Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes()
                    .get(QueueAttributeName.VISIBILITY_TIMEOUT));
            assertThat(Duration.ofSeconds(visibilityTimeout)).isGreaterThan(DEADLINE);

            // The real handler, watched: records what the runner passes in, as Lambda's event source mapping would.
            ProjectorHandler handler = new ProjectorHandler(projector);
            Map<String, SQSEvent.SQSMessage> invokedWith = new ConcurrentHashMap<>();
            RequestHandler<SQSEvent, SQSBatchResponse> watched = (event, context) -> {
                event.getRecords().forEach(record -> invokedWith.put(record.getMessageId(), record));
                return handler.handleRequest(event, context);
            };
            PollLoop runner = new PollLoop(sqs, queueName, watched, deleted::add);
            Thread poller = new Thread(runner, "runner-under-test");
            try (ManagementEndpoints health =
                         ManagementEndpoints.start(0, runner::isAlive, projector.telemetry()::scrape)) {
                poller.start();
                String todoId = UUID.randomUUID().toString();

                EventEnvelope created = TestEvents.todoCreated(todoId, 1, "from the queue");
                String firstId = send(sqs, queueUrl, created);
                await().atMost(BACKLOG_DEADLINE).until(() -> ReadDbProbe.primary().todo(todoId).isPresent());
                // The handler is watched before it runs, so a row without an invocation was written by someone else.
                assertThat(invokedWith).as(COMPETING_CONSUMER_HINT).containsKey(firstId);
                await().atMost(DEADLINE).until(() -> deleted.contains(firstId));
                assertThat(healthStatus(health.port())).isEqualTo(200);
                SQSEvent.SQSMessage record = invokedWith.get(firstId);
                assertThat(record.getBody()).isEqualTo(EventJson.write(created));
                assertThat(record.getReceiptHandle()).isNotBlank();
                assertThat(record.getAttributes()).containsEntry("MessageGroupId", todoId)
                        .containsEntry("MessageDeduplicationId", created.eventId().toString())
                        .containsEntry("ApproximateReceiveCount", "1");
                assertThat(record.getEventSourceArn()).endsWith(":" + queueName);

                // FIFO: had the first message not really been deleted, it would still be in flight and hold back the
                // next message of its group until the visibility timeout ran out, far beyond this deadline.
                Instant editedAt = Instant.parse("2026-11-21T19:31:00Z");
                EventEnvelope later = TestEvents.envelope(new TodoEdited(todoId, "later version", null, editedAt), 2,
                        editedAt);
                String secondId = send(sqs, queueUrl, later);
                await().atMost(DEADLINE).until(() -> ReadDbProbe.primary().todo(todoId)
                        .map(StoredTodo::version).orElse(0L) == 2L);
                await().atMost(DEADLINE).until(() -> deleted.contains(secondId));
                assertThat(ReadDbProbe.primary().todo(todoId)).map(StoredTodo::lastEventId)
                        .contains(later.eventId().toString());

                // A clean stop: the loop ends once its current long poll returns, at most its wait time later.
                assertThat(runner.stop(Duration.ofSeconds(PollLoop.WAIT_TIME_SECONDS + 10))).isTrue();
                poller.join(Duration.ofSeconds(5));
                assertThat(poller.isAlive()).isFalse();
                assertThat(runner.isAlive()).isFalse();
                assertThat(healthStatus(health.port())).isEqualTo(503);
            }
        }
    }

    private static String send(SqsClient sqs, String queueUrl, EventEnvelope event) {
        return sqs.sendMessage(r -> r.queueUrl(queueUrl)
                .messageBody(EventJson.write(event))
                .messageGroupId(event.aggregateId())
                .messageDeduplicationId(event.eventId().toString())).messageId();
    }

    private static int healthStatus(int port) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
