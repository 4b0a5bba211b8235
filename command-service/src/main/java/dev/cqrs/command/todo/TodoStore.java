package dev.cqrs.command.todo;

import dev.cqrs.command.web.CommandException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Loads a todo for change (row-locked until the command's transaction ends) and writes it back one version higher.
 * Every todo command goes through here, so the version check and bump exist once.
 */
@Component
class TodoStore {

    record Todo(String id, String title, String description, boolean completed, long version) {
    }

    private final JdbcClient jdbc;

    TodoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The todo, locked, after checking the client's expected version (412 if stale, 404 if absent). */
    Todo loadForChange(String id, OptionalLong expectedVersion) {
        Todo todo = jdbc.sql("SELECT id, title, description, completed, version FROM todo WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Todo(rs.getString("id"), rs.getString("title"), rs.getString("description"),
                        rs.getBoolean("completed"), rs.getLong("version")))
                .optional()
                .orElseThrow(() -> CommandException.notFound("todo", id));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != todo.version()) {
            throw CommandException.staleVersion("todo", id, expectedVersion.getAsLong(), todo.version());
        }
        return todo;
    }

    /** Saves the new state; never touches created_at. Returns the new version. */
    long save(Todo todo, Instant now) {
        long next = todo.version() + 1;
        jdbc.sql("UPDATE todo SET title = ?, description = ?, completed = ?, updated_at = ?, version = ? WHERE id = ?")
                .params(todo.title(), todo.description(), todo.completed(), Timestamp.from(now), next, todo.id())
                .update();
        return next;
    }

    long delete(Todo todo) {
        jdbc.sql("DELETE FROM todo WHERE id = ?").param(todo.id()).update();
        return todo.version() + 1;
    }
}
