package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.mysql.cj.jdbc.MysqlDataSource;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.audit.AuditMessageRecorded;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.contracts.todo.TodoEdited;
import dev.cqrs.projector.ReadDbProbe.StoredTodo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static dev.cqrs.projector.PartialBatchProcessorTest.failedIds;
import static dev.cqrs.projector.TestEvents.event;
import static dev.cqrs.projector.TestEvents.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The handler against the real stack: MariaDB primary and replicas, and the projector's DLQ on fauxqs. */
class ProjectorHandlerIntegrationTest {

    private static final Duration REPLICATION_DEADLINE = Duration.ofSeconds(20);

    private static Projector projector;
    private static ProjectorHandler handler;
    private static SqsClient sqs;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void wire() {
        // The production wiring: migrates read_db and resolves the DLQ from the environment.
        projector = Projector.fromEnvironment(System.getenv());
        handler = new ProjectorHandler(projector);
        sqs = Projector.sqsClient();
        dynamo = Projector.dynamoDbClient();
    }

    @AfterAll
    static void close() {
        dynamo.close();
        sqs.close();
        projector.close();
    }

    @Test
    void todoCreatedLandsOnThePrimaryWithExactTimestampsAndReachesBothReplicas() {
        String todoId = UUID.randomUUID().toString();
        Instant createdAt = Instant.parse("2026-11-21T19:30:00.000001Z");
        Instant occurredAt = Instant.parse("2026-11-21T19:30:00.999999Z");
        EventEnvelope created = TestEvents.todoCreated(todoId, 1, "buy milk", createdAt, occurredAt);

        SQSBatchResponse response = handler.handleRequest(event(record(created)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        StoredTodo expected = new StoredTodo(todoId, "buy milk", "description of buy milk", false,
                LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC), LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
                1, created.eventId().toString(), false);
        assertThat(ReadDbProbe.primary().todo(todoId)).contains(expected);
        await().atMost(REPLICATION_DEADLINE).untilAsserted(() -> {
            assertThat(ReadDbProbe.replica1().todo(todoId)).contains(expected);
            assertThat(ReadDbProbe.replica2().todo(todoId)).contains(expected);
        });
    }

    @Test
    void aDuplicateOrAnOlderVersionChangesNothing() {
        String todoId = UUID.randomUUID().toString();
        EventEnvelope v1 = TestEvents.todoCreated(todoId, 1, "first title");
        SQSMessage v1Message = record(v1);
        assertThat(handler.handleRequest(event(v1Message), null).getBatchItemFailures()).isEmpty();
        StoredTodo afterV1 = ReadDbProbe.primary().todo(todoId).orElseThrow();

        // The same SQS message redelivered, and the same event published twice (a new message, same event id).
        assertThat(handler.handleRequest(event(v1Message, record(v1)), null).getBatchItemFailures()).isEmpty();
        assertThat(ReadDbProbe.primary().todo(todoId)).contains(afterV1);

        SQSMessage v2 = record(edited(todoId, 2, "second title"));
        EventEnvelope v3 = edited(todoId, 3, "third title");
        assertThat(handler.handleRequest(event(v2, record(v3)), null).getBatchItemFailures()).isEmpty();
        StoredTodo afterV3 = ReadDbProbe.primary().todo(todoId).orElseThrow();
        assertThat(afterV3.version()).isEqualTo(3);
        assertThat(afterV3.title()).isEqualTo("third title");
        assertThat(afterV3.lastEventId()).isEqualTo(v3.eventId().toString());

        // Older events arriving after it change nothing, not even updated_at/last_event_id.
        assertThat(handler.handleRequest(event(v2, v1Message), null).getBatchItemFailures()).isEmpty();
        assertThat(ReadDbProbe.primary().todo(todoId)).contains(afterV3);
    }

    @Test
    void aLaterVersionFollowsTheMissingOneIntoTheDeadLetterQueueAndOtherTodosKeepFlowing() {
        String todoId = UUID.randomUUID().toString();
        String otherId = UUID.randomUUID().toString();
        assertThat(handler.handleRequest(event(record(TestEvents.todoCreated(todoId, 1, "v1"))), null)
                .getBatchItemFailures()).isEmpty();
        EventEnvelope v3Event = edited(todoId, 3, "v3");
        SQSMessage v3 = record(v3Event);
        SQSMessage other = record(TestEvents.todoCreated(otherId, 1, "other"));

        SQSBatchResponse response = handler.handleRequest(event(v3, other), null);

        // On a FIFO queue v3 comes only after v2 left the queue, unapplied: through the DLQ. v3 follows it there.
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(deadLetterReasons(v3).get(v3.getMessageId()))
                .isEqualTo("todo " + todoId + " is at v1 in todo_view; v3 (event " + v3Event.eventId()
                        + ") follows v2 into the dead-letter queue");
        assertThat(ReadDbProbe.primary().todo(todoId)).map(StoredTodo::title).contains("v1");
        assertThat(ReadDbProbe.primary().todo(otherId)).map(StoredTodo::title).contains("other");

        // The redrive sends both back in order: they apply.
        assertThat(handler.handleRequest(event(record(edited(todoId, 2, "v2")), v3), null)
                .getBatchItemFailures()).isEmpty();
        assertThat(ReadDbProbe.primary().todo(todoId)).map(StoredTodo::title).contains("v3");
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterQueueAndTheLaterEventsOfItsTodoFollowIt() {
        String todoId = UUID.randomUUID().toString();
        String otherId = UUID.randomUUID().toString();
        assertThat(handler.handleRequest(event(record(TestEvents.todoCreated(todoId, 1, "v1"))), null)
                .getBatchItemFailures()).isEmpty();
        SQSMessage poison = record(edited(todoId, 2, " "));
        SQSMessage behind = record(edited(todoId, 3, "v3"));
        SQSMessage other = record(TestEvents.todoCreated(otherId, 1, "other"));

        SQSBatchResponse response = handler.handleRequest(event(poison, other, behind), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ReadDbProbe.primary().todo(todoId)).map(StoredTodo::title).contains("v1");
        assertThat(ReadDbProbe.primary().todo(otherId)).map(StoredTodo::title).contains("other");
        Map<String, String> reasons = deadLetterReasons(poison, behind);
        assertThat(reasons.get(poison.getMessageId())).contains("has no title");
        assertThat(reasons.get(behind.getMessageId())).contains("v3").contains("follows v2 into the dead-letter queue");
        // A later event that arrives afterwards follows too, never applied over the hole.
        SQSMessage later = record(edited(todoId, 4, "v4"));
        assertThat(handler.handleRequest(event(later), null).getBatchItemFailures()).isEmpty();
        assertThat(deadLetterReasons(later).get(later.getMessageId())).contains("follows v2 into the dead-letter");
        assertThat(ReadDbProbe.primary().todo(todoId)).map(StoredTodo::version).contains(1L);
    }

    @Test
    void anEventNewerThanThisBuildWaitsForTheUpgradeInsteadOfBeingParked() {
        String todoId = UUID.randomUUID().toString();
        EventEnvelope created = TestEvents.todoCreated(todoId, 1, "from the future");
        var future = EventJson.tree(EventJson.write(created)).put("schemaVersion", 99);
        SQSMessage newer = record(future.toString(), todoId);
        SQSMessage behind = record(edited(todoId, 2, "v2"));

        SQSBatchResponse response = handler.handleRequest(event(newer, behind), null);

        assertThat(failedIds(response)).containsExactly(newer.getMessageId(), behind.getMessageId());
        assertThat(ReadDbProbe.primary().todo(todoId)).isEmpty();
        // "Upgraded": the same event, now readable, applies and the one behind it follows.
        assertThat(handler.handleRequest(event(record(created), behind), null).getBatchItemFailures()).isEmpty();
        assertThat(ReadDbProbe.primary().todo(todoId)).map(StoredTodo::title).contains("v2");
    }

    @Test
    void anEventNoReadModelUsesIsDoneWithoutHoldingUpItsGroup() {
        String messageId = UUID.randomUUID().toString();
        EventEnvelope audited = TestEvents.envelope(
                new AuditMessageRecorded(messageId, "user-1", "hello", Instant.parse("2026-11-21T19:30:00Z")), 1,
                Instant.parse("2026-11-21T19:30:00Z"));
        String todoId = UUID.randomUUID().toString();
        // Same group as the todo's events only to show the audit message does not block what follows it.
        SQSMessage auditMessage = record(EventJson.write(audited), todoId);

        SQSBatchResponse response = handler.handleRequest(
                event(auditMessage, record(TestEvents.todoCreated(todoId, 1, "after audit"))), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ReadDbProbe.primary().todo(todoId)).map(StoredTodo::title).contains("after audit");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterQueueWithAReasonAndTheValidOnesAreApplied() {
        String validId = UUID.randomUUID().toString();
        String tooLongId = UUID.randomUUID().toString();
        SQSMessage notJson = record("not json " + UUID.randomUUID(), "poison-" + UUID.randomUUID());
        SQSMessage valid = record(TestEvents.todoCreated(validId, 1, "valid"));
        // Valid JSON, but a title the read model's column cannot hold: rejected by the database, for good.
        SQSMessage tooLongTitle = record(TestEvents.todoCreated(tooLongId, 1, "x".repeat(201)));
        EventEnvelope mismatched = TestEvents.todoCreated(UUID.randomUUID().toString(), 1, "mismatch");
        SQSMessage wrongAggregate = record(EventJson.write(new EventEnvelope(mismatched.eventId(), "TodoCreated", 1,
                "todo", UUID.randomUUID().toString(), 1, mismatched.occurredAt(), null, null,
                mismatched.payloadAs(TodoCreated.class))), "poison-" + UUID.randomUUID());

        SQSBatchResponse response = handler.handleRequest(event(notJson, valid, tooLongTitle, wrongAggregate), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ReadDbProbe.primary().todo(validId)).map(StoredTodo::title).contains("valid");
        assertThat(ReadDbProbe.primary().todo(tooLongId)).isEmpty();
        Map<String, String> reasons = deadLetterReasons(notJson, tooLongTitle, wrongAggregate);
        assertThat(reasons.get(notJson.getMessageId())).startsWith("body is not JSON");
        assertThat(reasons.get(tooLongTitle.getMessageId())).contains("todo_view rejected todo " + tooLongId)
                .contains("Data too long for column 'title'");
        assertThat(reasons.get(wrongAggregate.getMessageId())).contains("does not match aggregateId");
    }

    @Test
    void aTransientFailureIsReportedForTheMessageAndTheRestOfItsGroup() throws IOException {
        MysqlDataSource unreachable = new MysqlDataSource();
        unreachable.setURL("jdbc:mysql://127.0.0.1:" + closedPort() + "/read_db?connectTimeout=2000");
        ProjectorHandler cutOff = new ProjectorHandler(Projector.batchProcessor(unreachable, dynamo,
                StackEnv.require("EMPLOYEES_TABLE"), new SqsDeadLetters(sqs, StackEnv.require("PROJECTOR_DLQ_NAME"))));
        String todoId = UUID.randomUUID().toString();
        SQSMessage first = record(TestEvents.todoCreated(todoId, 1, "first"));
        SQSMessage second = record(TestEvents.todoCreated(todoId, 2, "second"));
        SQSMessage otherGroupPoison = record("{\"eventType\":\"Nope\"}", "poison-" + UUID.randomUUID());

        SQSBatchResponse response = cutOff.handleRequest(event(first, second, otherGroupPoison), null);

        // The todo's messages are retried (nothing lost or skipped); the poison of another group does not need the
        // read database to be dead-lettered, so it is.
        assertThat(failedIds(response)).containsExactly(first.getMessageId(), second.getMessageId());
        assertThat(deadLetterReasons(otherGroupPoison).get(otherGroupPoison.getMessageId())).contains("Nope");
    }

    private static Map<String, String> deadLetterReasons(SQSMessage... originals) {
        return DeadLetterProbe.reasons(sqs, originals);
    }

    private static EventEnvelope edited(String todoId, long version, String title) {
        Instant at = Instant.parse("2026-11-21T19:31:00Z").plusSeconds(version);
        return TestEvents.envelope(new TodoEdited(todoId, title, null, at), version, at);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
