package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandRefused;
import dev.cqrs.command.dispatch.Versioned;
import dev.cqrs.contracts.todo.TodoCompleted;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.contracts.todo.TodoDeleted;
import dev.cqrs.contracts.todo.TodoEdited;
import dev.cqrs.contracts.todo.TodoReopened;

import java.time.Instant;

/**
 * The todo aggregate: its state on the write side and every rule of its life, each next to the event it emits. A
 * decision returns the {@link Change} (the todo one version later and its event, stamped {@code now}) or throws
 * {@link CommandRefused} (409). Pure: no database, no clock; the handlers load, save and append.
 */
record Todo(String id, String title, String description, boolean completed, long version) implements Versioned {

    /** A new, open todo at version 1. */
    static Change<Todo> create(String id, String title, String description, Instant now) {
        return new Change<>(new Todo(id, title, description, false, 1),
                new TodoCreated(id, title, description, now), now);
    }

    /** New title and description; allowed in any state. Its creation time never changes. */
    Change<Todo> edit(String newTitle, String newDescription, Instant now) {
        return new Change<>(new Todo(id, newTitle, newDescription, completed, version + 1),
                new TodoEdited(id, newTitle, newDescription, now), now);
    }

    /** Marks it done; refused if it already is ("Already completed"). */
    Change<Todo> complete(Instant now) {
        if (completed) {
            throw CommandRefused.conflict("Already completed", "todo " + id + " is already completed");
        }
        return new Change<>(new Todo(id, title, description, true, version + 1), new TodoCompleted(id, now), now);
    }

    /** Marks a completed todo not done; refused if it is not completed ("Not completed"). */
    Change<Todo> reopen(Instant now) {
        if (!completed) {
            throw CommandRefused.conflict("Not completed", "todo " + id + " is not completed");
        }
        return new Change<>(new Todo(id, title, description, false, version + 1), new TodoReopened(id, now), now);
    }

    /** Deletes it; allowed in any state. The state is the todo's last version, which the store removes. */
    Change<Todo> delete(Instant now) {
        return new Change<>(new Todo(id, title, description, completed, version + 1), new TodoDeleted(id, now), now);
    }
}
