package dev.cqrs.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw-JDBC ceiling of the command's write: insert a todo and its outbox row and commit, from 8 threads on the
 * primary (with both replicas attached, so replication costs count), into a scratch schema {@code bench_ceiling}
 * shaped like command_db ({@code CREATE TABLE ... LIKE}), dropped afterwards, so the relay never sees these rows.
 */
final class JdbcCeiling {

    static double transactionsPerSecond(Env env, int threads, int seconds) throws Exception {
        String url = env.get("PRIMARY_ROOT_URL");
        String user = env.get("DB_ROOT_USER");
        String password = env.get("DB_ROOT_PASSWORD");
        try (Connection admin = DriverManager.getConnection(url, user, password);
             Statement ddl = admin.createStatement()) {
            ddl.execute("DROP DATABASE IF EXISTS bench_ceiling");
            ddl.execute("CREATE DATABASE bench_ceiling");
            ddl.execute("CREATE TABLE bench_ceiling.todo LIKE command_db.todo");
            ddl.execute("CREATE TABLE bench_ceiling.outbox LIKE command_db.outbox");
            try {
                return run(url, user, password, threads, seconds);
            } finally {
                ddl.execute("DROP DATABASE bench_ceiling");
            }
        }
    }

    private static double run(String url, String user, String password, int threads, int seconds) throws Exception {
        AtomicLong committed = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try (Connection connection = DriverManager.getConnection(url, user, password);
                     PreparedStatement todo = connection.prepareStatement("INSERT INTO bench_ceiling.todo "
                             + "(id, title, description, completed, created_at, updated_at, version) "
                             + "VALUES (?, ?, NULL, FALSE, ?, ?, 1)");
                     PreparedStatement outbox = connection.prepareStatement("INSERT INTO bench_ceiling.outbox "
                             + "(event_id, event_type, aggregate_type, aggregate_id, aggregate_version, body, "
                             + "created_at, next_attempt_at) VALUES (?, 'TodoCreated', 'todo', ?, 1, ?, ?, ?)")) {
                    connection.setAutoCommit(false);
                    while (System.nanoTime() < deadline) {
                        String id = UUID.randomUUID().toString();
                        Timestamp now = Timestamp.from(Instant.now());
                        todo.setString(1, id);
                        todo.setString(2, "ceiling");
                        todo.setTimestamp(3, now);
                        todo.setTimestamp(4, now);
                        todo.executeUpdate();
                        outbox.setString(1, UUID.randomUUID().toString());
                        outbox.setString(2, id);
                        outbox.setString(3, "{\"eventType\":\"TodoCreated\",\"payload\":{\"todoId\":\"" + id + "\"}}");
                        outbox.setTimestamp(4, now);
                        outbox.setTimestamp(5, now);
                        outbox.executeUpdate();
                        connection.commit();
                        committed.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return committed.get() / (double) seconds;
    }

    private JdbcCeiling() {
    }
}
