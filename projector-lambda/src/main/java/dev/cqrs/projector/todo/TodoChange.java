package dev.cqrs.projector.todo;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.todo.TodoCompleted;
import dev.cqrs.contracts.todo.TodoDeleted;
import dev.cqrs.contracts.todo.TodoEdited;
import dev.cqrs.contracts.todo.TodoReopened;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an event after {@code TodoCreated} changes in an existing {@code todo_view} row: some columns, plus
 * updated_at (the event's time, so a replay yields the same row), version and last_event_id. created_at is never
 * touched.
 *
 * @param columns column name → new value, in statement order
 */
record TodoChange(String todoId, Map<String, Object> columns, Instant updatedAt, long version, UUID eventId) {

    static final Set<Class<? extends DomainEvent>> EVENT_TYPES =
            Set.of(TodoEdited.class, TodoCompleted.class, TodoReopened.class, TodoDeleted.class);

    /** @throws InvalidEventException if the event is inconsistent (it would be just as inconsistent on every retry) */
    static TodoChange of(EventEnvelope event) {
        Map<String, Object> columns = new LinkedHashMap<>();
        String todoId = event.aggregateId(); // the payload's todoId, as EventJson.read has checked
        switch (event.payload()) {
            case TodoEdited edited -> {
                if (edited.title() == null || edited.title().isBlank()) {
                    throw new InvalidEventException("TodoEdited " + todoId + " has no title");
                }
                columns.put("title", edited.title());
                columns.put("description", edited.description());
            }
            case TodoCompleted completed -> columns.put("completed", true);
            case TodoReopened reopened -> columns.put("completed", false);
            case TodoDeleted deleted -> columns.put("deleted", true);
            default -> throw new IllegalArgumentException(event.eventType() + " is not a todo change");
        }
        return new TodoChange(todoId, columns, event.occurredAt(), event.aggregateVersion(), event.eventId());
    }

    /**
     * The version-gated UPDATE: it matches only if the stored row is at the previous version, so a duplicate, an
     * older event or one that would skip a version changes nothing. Parameters: the columns' values, updated_at,
     * version, last_event_id, id, previous version.
     */
    String sql() {
        String assignments = columns.keySet().stream().map(column -> column + " = ?")
                .collect(Collectors.joining(", "));
        return "UPDATE todo_view SET " + assignments
                + ", updated_at = ?, version = ?, last_event_id = ? WHERE id = ? AND version = ?";
    }
}
