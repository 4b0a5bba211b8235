package dev.cqrs.projector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;

/** Reads todo_view rows straight from one server (primary or a replica) as root, to assert what is stored there. */
public final class ReadDbProbe {

    /** A todo_view row exactly as stored. */
    public record StoredTodo(String id, String title, String description, boolean completed, LocalDateTime createdAt,
                             LocalDateTime updatedAt, long version, String lastEventId, boolean deleted) {
    }

    private final String url;

    private ReadDbProbe(String url) {
        this.url = url;
    }

    public static ReadDbProbe primary() {
        return new ReadDbProbe(StackEnv.require("PRIMARY_ROOT_URL"));
    }

    public static ReadDbProbe replica1() {
        return new ReadDbProbe(StackEnv.require("REPLICA1_URL"));
    }

    public static ReadDbProbe replica2() {
        return new ReadDbProbe(StackEnv.require("REPLICA2_URL"));
    }

    public Optional<StoredTodo> todo(String id) {
        try (Connection connection = DriverManager.getConnection(url, StackEnv.require("DB_ROOT_USER"),
                StackEnv.require("DB_ROOT_PASSWORD"));
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT id, title, description, completed, created_at, updated_at, version, last_event_id, deleted
                     FROM read_db.todo_view WHERE id = ?""")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredTodo(row.getString(1), row.getString(2), row.getString(3),
                        row.getBoolean(4), row.getObject(5, LocalDateTime.class), row.getObject(6, LocalDateTime.class),
                        row.getLong(7), row.getString(8), row.getBoolean(9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read todo " + id + " from " + url, e);
        }
    }
}
