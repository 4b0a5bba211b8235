package dev.cqrs.command.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Moves committed events from the outbox to SNS. Safe to run in many instances at once:
 * <ul>
 *   <li>rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two relays never hold the same row, and the lock is
 *       kept until the row is marked, so a row is published by one relay only;</li>
 *   <li>a row is claimed only when no earlier event of its aggregate is still pending, so per-aggregate order holds
 *       across relays and across retries (a failing event holds back the later events of its aggregate only);</li>
 *   <li>a row is marked published only for the entries SNS accepted; the others get capped exponential backoff.</li>
 * </ul>
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EventPublisher publisher;
    private final Backoff backoff;
    private final Clock clock;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, EventPublisher publisher, Backoff backoff, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.publisher = publisher;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** One round: claims up to one batch, publishes it, records the outcome. Returns how many rows it claimed. */
    public int publishOneBatch() {
        Integer claimed = transaction.execute(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<PendingEvent> batch = claim(now);
            if (batch.isEmpty()) {
                return 0;
            }
            EventPublisher.Outcome outcome;
            try {
                outcome = publisher.publish(batch);
            } catch (RuntimeException e) {
                log.warn("Publishing {} events failed, will retry: {}", batch.size(), e.toString());
                batch.forEach(event -> retryLater(event, now, e.toString()));
                return batch.size();
            }
            for (PendingEvent event : batch) {
                if (outcome.accepted(event)) {
                    markPublished(event, now);
                } else {
                    String reason = outcome.failedEventIds().get(event.eventId());
                    log.warn("SNS rejected event {} ({}), will retry: {}", event.eventId(), event.eventType(), reason);
                    retryLater(event, now, reason);
                }
            }
            return batch.size();
        });
        return claimed == null ? 0 : claimed;
    }

    /** Publishes until nothing is due; returns the number of rows handled. */
    public int drain() {
        int total = 0;
        int claimed;
        do {
            claimed = publishOneBatch();
            total += claimed;
        } while (claimed > 0);
        return total;
    }

    private List<PendingEvent> claim(Instant now) {
        return jdbc.sql("""
                        SELECT o.id, o.event_id, o.event_type, o.aggregate_id, o.body, o.attempts
                        FROM outbox o
                        WHERE o.published_at IS NULL AND o.next_attempt_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM outbox earlier
                                          WHERE earlier.aggregate_id = o.aggregate_id
                                            AND earlier.aggregate_type = o.aggregate_type
                                            AND earlier.published_at IS NULL
                                            AND earlier.id < o.id)
                        ORDER BY o.id
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), EventPublisher.MAX_BATCH)
                .query((rs, n) -> new PendingEvent(rs.getLong("id"), rs.getString("event_id"),
                        rs.getString("event_type"), rs.getString("aggregate_id"), rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    private void markPublished(PendingEvent event, Instant now) {
        jdbc.sql("UPDATE outbox SET published_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(now), event.id())
                .update();
    }

    private void retryLater(PendingEvent event, Instant now, String reason) {
        Instant next = now.plus(backoff.delayAfter(event.attempts()));
        jdbc.sql("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(next), reason.length() > 1000 ? reason.substring(0, 1000) : reason, event.id())
                .update();
    }
}
