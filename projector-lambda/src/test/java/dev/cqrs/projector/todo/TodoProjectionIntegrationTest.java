package dev.cqrs.projector.todo;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.todo.TodoCompleted;
import dev.cqrs.contracts.todo.TodoDeleted;
import dev.cqrs.contracts.todo.TodoEdited;
import dev.cqrs.contracts.todo.TodoReopened;
import dev.cqrs.projector.DeadLetterProbe;
import dev.cqrs.projector.Projector;
import dev.cqrs.projector.ProjectorHandler;
import dev.cqrs.projector.ReadDbProbe;
import dev.cqrs.projector.ReadDbProbe.StoredTodo;
import dev.cqrs.projector.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.cqrs.projector.TestEvents.event;
import static dev.cqrs.projector.TestEvents.record;
import static org.assertj.core.api.Assertions.assertThat;

/** The todo lifecycle through the handler, against read_db on the real primary. */
class TodoProjectionIntegrationTest {

    private static final Instant CREATED = Instant.parse("2026-11-21T19:30:00.000001Z");

    private static Projector projector;
    private static ProjectorHandler handler;
    private static SqsClient sqs;

    @BeforeAll
    static void wire() {
        projector = Projector.fromEnvironment(System.getenv());
        handler = new ProjectorHandler(projector);
        sqs = Projector.sqsClient();
    }

    @AfterAll
    static void close() {
        sqs.close();
        projector.close();
    }

    @Test
    void theLifecycleInOrderBuildsTheRowAndDeletionLeavesATombstone() {
        String id = UUID.randomUUID().toString();
        EventEnvelope created = TestEvents.todoCreated(id, 1, "buy milk", CREATED, CREATED);
        applied(created);
        EventEnvelope edited = change(new TodoEdited(id, "buy oat milk", null, at(2)), 2);
        applied(edited);
        StoredTodo afterEdit = row(id);
        assertThat(afterEdit).isEqualTo(new StoredTodo(id, "buy oat milk", null, false, utc(CREATED), utc(at(2)),
                2, edited.eventId().toString(), false));

        EventEnvelope completed = change(new TodoCompleted(id, at(3)), 3);
        applied(completed);
        assertThat(row(id)).isEqualTo(new StoredTodo(id, "buy oat milk", null, true, utc(CREATED), utc(at(3)),
                3, completed.eventId().toString(), false));

        EventEnvelope reopened = change(new TodoReopened(id, at(4)), 4);
        applied(reopened);
        assertThat(row(id)).isEqualTo(new StoredTodo(id, "buy oat milk", null, false, utc(CREATED), utc(at(4)),
                4, reopened.eventId().toString(), false));

        EventEnvelope deleted = change(new TodoDeleted(id, at(5)), 5);
        applied(deleted);
        assertThat(row(id)).isEqualTo(new StoredTodo(id, "buy oat milk", null, false, utc(CREATED), utc(at(5)),
                5, deleted.eventId().toString(), true));
    }

    @Test
    void duplicatesAndOlderVersionsChangeNothingNotEvenATombstone() {
        String id = UUID.randomUUID().toString();
        EventEnvelope created = TestEvents.todoCreated(id, 1, "first", CREATED, CREATED);
        EventEnvelope edited = change(new TodoEdited(id, "second", "details", at(2)), 2);
        EventEnvelope completed = change(new TodoCompleted(id, at(3)), 3);
        SQSMessage completedMessage = record(completed);
        assertThat(handler.handleRequest(event(record(created), record(edited), completedMessage), null)
                .getBatchItemFailures()).isEmpty();
        StoredTodo afterV3 = row(id);
        assertThat(afterV3.version()).isEqualTo(3);

        // Redelivery of the same message, the same event in a new message, and older events arriving late.
        EventEnvelope staleReopen = change(new TodoReopened(id, at(9)), 2);
        assertThat(handler.handleRequest(event(completedMessage, record(completed), record(edited),
                record(staleReopen), record(created)), null).getBatchItemFailures()).isEmpty();
        assertThat(row(id)).isEqualTo(afterV3);

        EventEnvelope deleted = change(new TodoDeleted(id, at(4)), 4);
        applied(deleted);
        StoredTodo tombstone = row(id);
        assertThat(tombstone.deleted()).isTrue();
        assertThat(handler.handleRequest(event(record(deleted), record(completed),
                record(change(new TodoEdited(id, "late", null, at(9)), 3)), record(created)), null)
                .getBatchItemFailures()).isEmpty();
        assertThat(row(id)).isEqualTo(tombstone);
    }

    @Test
    void changesOfATodoWhoseCreationIsMissingFollowItIntoTheDeadLetterQueueNotLost() {
        String id = UUID.randomUUID().toString();
        SQSMessage early = record(change(new TodoCompleted(id, at(2)), 2));
        SQSMessage behindIt = record(change(new TodoEdited(id, "edited", null, at(3)), 3));

        SQSBatchResponse response = handler.handleRequest(event(early, behindIt), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(DeadLetterProbe.reasons(sqs, early, behindIt).values())
                .allSatisfy(reason -> assertThat(reason).contains("is at v0").contains("follows v1 into the dead-letter"));
        assertThat(ReadDbProbe.primary().todo(id)).isEmpty();

        // Once TodoCreated is redriven and applied, the redriven changes apply behind it.
        applied(TestEvents.todoCreated(id, 1, "first", CREATED, CREATED));
        assertThat(handler.handleRequest(event(early, behindIt), null).getBatchItemFailures()).isEmpty();
        StoredTodo row = row(id);
        assertThat(row.completed()).isTrue();
        assertThat(row.title()).isEqualTo("edited");
        assertThat(row.version()).isEqualTo(3);
    }

    private static void applied(EventEnvelope event) {
        assertThat(handler.handleRequest(event(record(event)), null).getBatchItemFailures()).isEmpty();
    }

    private static EventEnvelope change(DomainEvent payload, long version) {
        return TestEvents.envelope(payload, version, at(version));
    }

    /** A distinct event time per version, with microseconds, so updated_at shows which event was applied last. */
    private static Instant at(long version) {
        return CREATED.plusSeconds(60 * version).plusNanos(1_000 * version);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static StoredTodo row(String id) {
        return ReadDbProbe.primary().todo(id).orElseThrow();
    }
}
