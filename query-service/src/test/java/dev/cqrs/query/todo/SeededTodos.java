package dev.cqrs.query.todo;

import dev.cqrs.query.StackEnv;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Todo rows a test writes straight into read_db.todo_view on the primary, standing in for the projector, and removes
 * again afterwards. They reach the query service the real way: by replication to the replicas.
 */
final class SeededTodos implements AutoCloseable {

    private final List<String> ids = Collections.synchronizedList(new ArrayList<>());

    void insert(TodoView todo) throws SQLException {
        insert(todo, false);
    }

    /** @param deleted {@code true} for a tombstone, as the projector keeps a deleted todo's row */
    void insert(TodoView todo, boolean deleted) throws SQLException {
        try (Connection primary = StackEnv.primaryReadDb();
             PreparedStatement insert = primary.prepareStatement("""
                     INSERT INTO todo_view (id, title, description, completed, created_at, updated_at, version,
                                            last_event_id, deleted)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, todo.id());
            insert.setString(2, todo.title());
            insert.setString(3, todo.description());
            insert.setBoolean(4, todo.completed());
            // LocalDateTime: written as the UTC wall-clock time with no zone conversion, as the projector does.
            insert.setObject(5, TodoViewRows.toColumn(todo.createdAt()));
            insert.setObject(6, TodoViewRows.toColumn(todo.updatedAt()));
            insert.setLong(7, todo.version());
            insert.setString(8, UUID.randomUUID().toString());
            insert.setBoolean(9, deleted);
            insert.executeUpdate();
        }
        ids.add(todo.id());
    }

    /** As the projector applies a later event: new title, version and tombstone flag. */
    static void update(String id, String title, long version, boolean deleted) throws SQLException {
        try (Connection primary = StackEnv.primaryReadDb();
             PreparedStatement update = primary.prepareStatement(
                     "UPDATE todo_view SET title = ?, version = ?, deleted = ?, last_event_id = ? WHERE id = ?")) {
            update.setString(1, title);
            update.setLong(2, version);
            update.setBoolean(3, deleted);
            update.setString(4, UUID.randomUUID().toString());
            update.setString(5, id);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no todo_view row " + id);
            }
        }
    }

    /** Blocks until both replicas hold all the given rows, so what a test then reads is not a replication race. */
    static void awaitReplicated(Collection<String> ids) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> countOn("REPLICA1_URL", ids) == ids.size() && countOn("REPLICA2_URL", ids) == ids.size());
    }

    /** Blocks until both replicas have the row at that version. */
    static void awaitReplicatedVersion(String id, long version) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> versionOn("REPLICA1_URL", id) == version && versionOn("REPLICA2_URL", id) == version);
    }

    private static long versionOn(String replicaUrlVariable, String id) throws SQLException {
        try (Connection replica = StackEnv.replicaReadDb(replicaUrlVariable);
             PreparedStatement select = replica.prepareStatement("SELECT version FROM todo_view WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** How many of the given rows the replica behind REPLICA1_URL or REPLICA2_URL holds. */
    static int countOn(String replicaUrlVariable, Collection<String> ids) throws SQLException {
        try (Connection replica = StackEnv.replicaReadDb(replicaUrlVariable);
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
        try (Connection primary = StackEnv.primaryReadDb();
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
