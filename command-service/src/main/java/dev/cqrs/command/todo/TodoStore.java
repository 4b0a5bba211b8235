package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandRefused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.OptionalLong;

/**
 * The {@code todo} table of the write model. Loads a todo for change (row-locked until the command's transaction ends,
 * after the If-Match check) and writes back the state a {@link Todo} decision produced, version included.
 */
@Component
class TodoStore {

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
                .orElseThrow(() -> CommandRefused.notFound("todo", id));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != todo.version()) {
            throw CommandRefused.staleVersion("todo", id, expectedVersion.getAsLong(), todo.version());
        }
        return todo;
    }

    /** Inserts a created todo; created_at = updated_at = the change's instant. */
    void insert(Change<Todo> created) {
        Todo todo = created.state();
        Timestamp at = Timestamp.from(created.at());
        jdbc.sql("""
                        INSERT INTO todo (id, title, description, completed, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(todo.id(), todo.title(), todo.description(), todo.completed(), at, at, todo.version())
                .update();
    }

    /** Writes the changed state and its version; never touches created_at. */
    void save(Change<Todo> change) {
        Todo todo = change.state();
        jdbc.sql("UPDATE todo SET title = ?, description = ?, completed = ?, updated_at = ?, version = ? WHERE id = ?")
                .params(todo.title(), todo.description(), todo.completed(), Timestamp.from(change.at()),
                        todo.version(), todo.id())
                .update();
    }

    void delete(Change<Todo> deleted) {
        jdbc.sql("DELETE FROM todo WHERE id = ?").param(deleted.state().id()).update();
    }
}
