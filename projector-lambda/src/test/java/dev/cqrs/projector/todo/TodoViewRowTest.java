package dev.cqrs.projector.todo;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.projector.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TodoViewRowTest {

    private static final Instant CREATED = Instant.parse("2026-11-21T19:30:00.123456Z");
    private static final Instant OCCURRED = Instant.parse("2026-11-21T19:30:00.654321Z");

    @Test
    void aCreatedTodoIsOpenAndStampedWithTheEvent() {
        EventEnvelope event = TestEvents.todoCreated("t-1", 1, "buy milk", CREATED, OCCURRED);

        TodoViewRow row = TodoViewRow.created(event);

        assertThat(row).isEqualTo(new TodoViewRow("t-1", "buy milk", "description of buy milk", false,
                CREATED, OCCURRED, 1, event.eventId()));
    }

    @Test
    void rejectsAMissingTitleOrCreationTime() {
        assertThatThrownBy(() -> TodoViewRow.created(withPayload("t-1", new TodoCreated("t-1", " ", null, CREATED))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("no title");
        assertThatThrownBy(() -> TodoViewRow.created(withPayload("t-1", new TodoCreated("t-1", "x", null, null))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("no createdAt");
    }

    private static EventEnvelope withPayload(String aggregateId, TodoCreated payload) {
        return new EventEnvelope(UUID.randomUUID(), "TodoCreated", 1, "todo", aggregateId, 1, OCCURRED,
                null, null, payload);
    }
}
