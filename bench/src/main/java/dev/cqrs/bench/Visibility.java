package dev.cqrs.bench;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * When a sample of the created todos becomes visible in each store, measured from the client's 201 (the command's
 * transaction has committed): on the primary (the projector applied it), on each replica (replication), and as an
 * audit item (audit worker). Polled in batches (one {@code IN (...)} query per store every 5 ms, DynamoDB Queries every
 * 20 ms); about {@code samplesPerSecond} creates are sampled.
 * <p>
 * A sample is asked about again only after a twentieth of its age (at least the poll period): 5 % resolution, and a
 * bounded cost when the system falls behind. Asking about every pending sample on every poll made the probing grow
 * with the lag it measures (at a 20 s lag: 200-id IN lists 200 times a second on each database, up to 1,000 Queries a
 * second on DynamoDB), which loaded the stores it was waiting for and widened the lag further.
 */
final class Visibility implements AutoCloseable {

    /** Milliseconds from commit to visible, per store, for one sampled todo. */
    record Sample(String id, Map<String, Double> millis) {
    }

    static final List<String> STORES = List.of("primary", "replica1", "replica2", "audit");

    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Double>> seen = new ConcurrentHashMap<>();
    /** Per sample and store: System.nanoTime() before which it is not asked about again. */
    private final Map<String, Map<String, Long>> nextProbe = new ConcurrentHashMap<>();
    private final AtomicInteger offered = new AtomicInteger();
    private volatile int every = 1;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running = true;
    private final String auditTable;

    Visibility(Env env) throws Exception {
        auditTable = env.get("AUDIT_TABLE");
        String user = env.get("DB_ROOT_USER");
        String password = env.get("DB_ROOT_PASSWORD");
        poll("primary", DriverManager.getConnection(env.get("PRIMARY_ROOT_URL"), user, password));
        poll("replica1", DriverManager.getConnection(env.get("REPLICA1_URL"), user, password));
        poll("replica2", DriverManager.getConnection(env.get("REPLICA2_URL"), user, password));
        Thread audit = Thread.ofPlatform().daemon().name("poll-audit").start(this::pollAudit);
        pollers.add(audit);
    }

    /** About {@code perSecond} samples at {@code rate} creates/s. */
    void sampleAbout(int perSecond, int createsPerSecond) {
        every = Math.max(1, createsPerSecond / Math.max(1, perSecond));
    }

    void committed(String todoId, long nanos) {
        if (offered.incrementAndGet() % every == 0) {
            seen.put(todoId, new ConcurrentHashMap<>());
            nextProbe.put(todoId, new ConcurrentHashMap<>());
            committedAt.put(todoId, nanos);
        }
    }

    /** Takes the finished samples (and those still pending, with what they have), and starts a new set. */
    List<Sample> drain() {
        List<Sample> samples = new ArrayList<>();
        for (String id : List.copyOf(committedAt.keySet())) {
            samples.add(new Sample(id, Map.copyOf(seen.getOrDefault(id, Map.of()))));
            committedAt.remove(id);
            seen.remove(id);
            nextProbe.remove(id);
        }
        return samples;
    }

    /** True when every sample has been seen in every store. */
    boolean complete() {
        return committedAt.keySet().stream().allMatch(id -> seen.getOrDefault(id, Map.of()).size() == STORES.size());
    }

    private void poll(String store, Connection connection) {
        pollers.add(Thread.ofPlatform().daemon().name("poll-" + store).start(() -> {
            try (connection) {
                while (running) {
                    List<String> pending = pending(store, 200, 5);
                    if (!pending.isEmpty()) {
                        String in = pending.stream().map(id -> "?").collect(Collectors.joining(","));
                        try (PreparedStatement query = connection.prepareStatement(
                                "SELECT id FROM read_db.todo_view WHERE id IN (" + in + ")")) {
                            for (int i = 0; i < pending.size(); i++) {
                                query.setString(i + 1, pending.get(i));
                            }
                            try (ResultSet rows = query.executeQuery()) {
                                while (rows.next()) {
                                    mark(rows.getString(1), store);
                                }
                            }
                        }
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                if (running) {
                    System.err.println("poller " + store + " stopped: " + e);
                }
            }
        }));
    }

    private void pollAudit() {
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            while (running) {
                for (String id : pending("audit", 20, 20)) {
                    if (dynamo.query(r -> r.tableName(auditTable).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("todo#" + id)))
                            .limit(1)).count() > 0) {
                        mark(id, "audit");
                    }
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            if (running) {
                System.err.println("poller audit stopped: " + e);
            }
        }
    }

    /**
     * Up to {@code max} samples not yet seen in {@code store} and due to be asked about; each one taken is next due
     * after a twentieth of its age, at least {@code periodMillis}.
     */
    private List<String> pending(String store, int max, long periodMillis) {
        long now = System.nanoTime();
        List<String> due = committedAt.entrySet().stream().filter(sample -> {
            Map<String, Double> stores = seen.get(sample.getKey());
            Map<String, Long> next = nextProbe.get(sample.getKey());
            return stores != null && next != null && !stores.containsKey(store)
                    && now >= next.getOrDefault(store, Long.MIN_VALUE);
        }).limit(max).map(Map.Entry::getKey).toList();
        for (String id : due) {
            Long committed = committedAt.get(id);
            Map<String, Long> next = nextProbe.get(id);
            if (committed != null && next != null) {
                next.put(store, now + Math.max(periodMillis * 1_000_000, (now - committed) / 20));
            }
        }
        return due;
    }

    private void mark(String id, String store) {
        Long committed = committedAt.get(id);
        Map<String, Double> stores = seen.get(id);
        if (committed != null && stores != null) {
            stores.putIfAbsent(store, (System.nanoTime() - committed) / 1e6);
        }
    }

    static Map<String, Stats> stats(Collection<Sample> samples) {
        Map<String, Stats> stats = new java.util.LinkedHashMap<>();
        for (String store : STORES) {
            stats.put(store, Stats.of(samples.stream().map(s -> s.millis().get(store))
                    .filter(java.util.Objects::nonNull).toList()));
        }
        return stats;
    }

    @Override
    public void close() {
        running = false;
    }
}
