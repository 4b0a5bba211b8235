package dev.cqrs.projector.todo;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.todo.TodoCompleted;
import dev.cqrs.contracts.todo.TodoDeleted;
import dev.cqrs.contracts.todo.TodoEdited;
import dev.cqrs.contracts.todo.TodoReopened;
import dev.cqrs.projector.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TodoChangeTest {

    private static final Instant AT = Instant.parse("2026-11-21T19:31:00.000002Z");

    @Test
    void anEditSetsTitleAndDescriptionStampedWithTheEvent() {
        EventEnvelope event = TestEvents.envelope(new TodoEdited("t-1", "new title", null, AT), 2, AT);

        TodoChange change = TodoChange.of(event);

        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("title", "new title");
        columns.put("description", null);
        assertThat(change).isEqualTo(new TodoChange("t-1", columns, AT, 2, event.eventId()));
        assertThat(change.sql()).isEqualTo("UPDATE todo_view SET title = ?, description = ?, updated_at = ?, "
                + "version = ?, last_event_id = ? WHERE id = ? AND version = ?");
    }

    @Test
    void completionReopeningAndDeletionEachSetOneColumn() {
        assertThat(TodoChange.of(TestEvents.envelope(new TodoCompleted("t-1", AT), 3, AT)).columns())
                .containsExactly(Map.entry("completed", true));
        assertThat(TodoChange.of(TestEvents.envelope(new TodoReopened("t-1", AT), 4, AT)).columns())
                .containsExactly(Map.entry("completed", false));
        TodoChange deletion = TodoChange.of(TestEvents.envelope(new TodoDeleted("t-1", AT), 5, AT));
        assertThat(deletion.columns()).containsExactly(Map.entry("deleted", true));
        assertThat(deletion.sql()).startsWith("UPDATE todo_view SET deleted = ?, updated_at = ?");
    }

    @Test
    void rejectsAnEditWithoutTitle() {
        // (a payload about another aggregate never gets here: EventJson.read rejects it, see EventJsonTest)
        assertThatThrownBy(() -> TodoChange.of(TestEvents.envelope(new TodoEdited("t-1", " ", null, AT), 2, AT)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("no title");
    }
}
