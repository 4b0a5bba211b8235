package dev.cqrs.bench;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pipeline's backlog, sampled once a second: outbox rows not yet published (on the primary), and each queue's
 * messages (visible + in flight) for the projector and audit queues and their dead-letter queues.
 */
final class Backlog implements AutoCloseable {

    /** One sample: seconds since the benchmark started, and the depth of each place. */
    record Point(double seconds, Map<String, Long> depth) {
    }

    private final Connection primary;
    private final SqsClient sqs = SqsClient.create();
    private final Map<String, String> queues = new LinkedHashMap<>();
    private final List<Point> points = new CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();
    private volatile boolean running = true;
    private final Thread sampler;

    Backlog(Env env) throws Exception {
        primary = DriverManager.getConnection(env.get("PRIMARY_ROOT_URL"), env.get("DB_ROOT_USER"),
                env.get("DB_ROOT_PASSWORD"));
        for (String name : List.of("PROJECTOR_QUEUE_NAME", "AUDIT_QUEUE_NAME", "PROJECTOR_DLQ_NAME", "AUDIT_DLQ_NAME")) {
            String queue = env.get(name);
            queues.put(queue.replace(".fifo", ""), sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl());
        }
        sampler = Thread.ofPlatform().daemon().name("backlog").start(() -> {
            while (running) {
                try {
                    points.add(sample());
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("backlog sample failed: " + e);
                }
            }
        });
    }

    Point sample() throws Exception {
        Map<String, Long> depth = new LinkedHashMap<>();
        synchronized (primary) {
            try (Statement statement = primary.createStatement(); ResultSet row = statement.executeQuery(
                    "SELECT COUNT(*) FROM command_db.outbox WHERE published_at IS NULL")) {
                row.next();
                depth.put("outbox pending", row.getLong(1));
            }
        }
        queues.forEach((name, url) -> {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            depth.put(name, Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    "0")) + Long.parseLong(attributes.getOrDefault(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")));
        });
        return new Point((System.nanoTime() - started) / 1e9, depth);
    }

    /** Outbox pending + the two work queues (DLQs excluded: a parked message is not a backlog). */
    static long pipeline(Point point) {
        return point.depth().getOrDefault("outbox pending", 0L) + point.depth().getOrDefault("cqrs-projector", 0L)
                + point.depth().getOrDefault("cqrs-audit", 0L);
    }

    List<Point> points() {
        return List.copyOf(points);
    }

    @Override
    public void close() throws Exception {
        running = false;
        sampler.interrupt();
        sqs.close();
        primary.close();
    }
}
