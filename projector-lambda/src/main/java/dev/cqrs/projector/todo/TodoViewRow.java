package dev.cqrs.projector.todo;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.todo.TodoCreated;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code read_db.todo_view}, as an event leaves it. */
record TodoViewRow(String id, String title, String description, boolean completed, Instant createdAt,
                   Instant updatedAt, long version, UUID lastEventId) {

    /**
     * The row a {@link TodoCreated} event describes. The row's {@code updated_at} is the event's time, not the time it
     * was projected, so replaying the same event always yields the same row.
     *
     * @throws InvalidEventException if the event is inconsistent (it would be just as inconsistent on every retry)
     */
    static TodoViewRow created(EventEnvelope event) {
        TodoCreated created = event.payloadAs(TodoCreated.class);
        if (created.title() == null || created.title().isBlank()) {
            throw new InvalidEventException("TodoCreated " + created.todoId() + " has no title");
        }
        if (created.createdAt() == null) {
            throw new InvalidEventException("TodoCreated " + created.todoId() + " has no createdAt");
        }
        return new TodoViewRow(created.todoId(), created.title(), created.description(), false,
                created.createdAt(), event.occurredAt(), event.aggregateVersion(), event.eventId());
    }
}
