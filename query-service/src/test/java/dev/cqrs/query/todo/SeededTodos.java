package dev.cqrs.query.todo;

import dev.cqrs.query.LocalStack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Todo rows a test writes straight into read_db.todo_view on the primary, standing in for the projector, and removes
 * again afterwards. They reach the query service the real way: by replication to the replicas.
 */
final class SeededTodos implements AutoCloseable {

    private final List<String> ids = Collections.synchronizedList(new ArrayList<>());

    void insert(TodoView todo) throws SQLException {
        try (Connection primary = LocalStack.primaryReadDb();
             PreparedStatement insert = primary.prepareStatement("""
                     INSERT INTO todo_view (id, title, description, completed, created_at, updated_at, version,
                                            last_event_id)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, todo.id());
            insert.setString(2, todo.title());
            insert.setString(3, todo.description());
            insert.setBoolean(4, todo.completed());
            // LocalDateTime: written as the UTC wall-clock time with no zone conversion, as the projector does.
            insert.setObject(5, TodoViewRows.toColumn(todo.createdAt()));
            insert.setObject(6, TodoViewRows.toColumn(todo.updatedAt()));
            insert.setLong(7, todo.version());
            insert.setString(8, UUID.randomUUID().toString());
            insert.executeUpdate();
        }
        ids.add(todo.id());
    }

    /** How many of the given rows the replica behind REPLICA1_URL or REPLICA2_URL holds. */
    static int countOn(String replicaUrlVariable, Collection<String> ids) throws SQLException {
        try (Connection replica = LocalStack.replicaReadDb(replicaUrlVariable);
             PreparedStatement count = replica.prepareStatement(
                     "SELECT COUNT(*) FROM todo_view WHERE id IN (" + placeholders(ids.size()) + ")")) {
            int i = 1;
            for (String id : ids) {
                count.setString(i++, id);
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        List<String> toDelete = List.copyOf(ids);
        if (toDelete.isEmpty()) {
            return;
        }
        try (Connection primary = LocalStack.primaryReadDb();
             PreparedStatement delete = primary.prepareStatement(
                     "DELETE FROM todo_view WHERE id IN (" + placeholders(toDelete.size()) + ")")) {
            for (int i = 0; i < toDelete.size(); i++) {
                delete.setString(i + 1, toDelete.get(i));
            }
            delete.executeUpdate();
        }
        ids.removeAll(toDelete);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
