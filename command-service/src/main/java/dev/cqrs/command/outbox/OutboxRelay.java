package dev.cqrs.command.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Moves committed events from the outbox to SNS. Safe to run in many instances at once, and never holds a database
 * lock while it talks to SNS:
 * <ol>
 *   <li><b>claim</b>, in a short READ COMMITTED transaction: up to one batch of due rows is selected
 *       {@code FOR UPDATE SKIP LOCKED} and given a lease ({@code lease_owner} = a fresh token, {@code lease_until} =
 *       now + {@code outbox.relay.lease}); rows with a live lease are not claimable, so two relays never publish the
 *       same row at the same time. READ COMMITTED takes no gap locks, so commands appending events never wait on it;</li>
 *   <li><b>publish</b>, outside any transaction, with the SNS client's bounded call timeout;</li>
 *   <li><b>record</b>, in a second short transaction and only where the lease is still this claim's: accepted rows are
 *       marked published; the others get capped exponential backoff, and after {@code outbox.relay.max-attempts}
 *       failures they are <b>parked</b> (kept, unpublished, with their last error; see {@link ParkedEvents}).</li>
 * </ol>
 * A row is claimable only when no earlier event of its aggregate is still unpublished (leased and parked ones
 * included), so per-aggregate order holds across relays and retries, and a failing or parked event holds back the
 * later events of its own aggregate only. A relay that dies between publish and record leaves its rows leased; once
 * the lease runs out another relay publishes them again with the same deduplication id (the event id), which SNS FIFO
 * drops, so subscribers still get each event once.
 */
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /**
     * Up to one batch of claimable rows in id (commit) order, locked; parameters: now, now, batch size. Served by
     * ix_outbox_claimable (published_at, parked_at, id): a ref on the two NULLs read in id order that stops at the
     * batch, however many published rows retention keeps (V7 says what the plan was without it).
     */
    static final String CLAIM = """
            SELECT o.id, o.event_id, o.event_type, o.aggregate_id, o.body, o.attempts, o.traceparent
            FROM outbox o
            WHERE o.published_at IS NULL AND o.parked_at IS NULL AND o.next_attempt_at <= ?
              AND (o.lease_until IS NULL OR o.lease_until < ?)
              AND NOT EXISTS (SELECT 1 FROM outbox earlier
                              WHERE earlier.aggregate_id = o.aggregate_id
                                AND earlier.aggregate_type = o.aggregate_type
                                AND earlier.published_at IS NULL
                                AND earlier.id < o.id)
            ORDER BY o.id
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    private final JdbcClient jdbc;
    private final TransactionTemplate claimTransaction;
    private final TransactionTemplate recordTransaction;
    private final EventPublisher publisher;
    private final Backoff backoff;
    private final Clock clock;
    private final Duration lease;
    private final int maxAttempts;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, EventPublisher publisher, Backoff backoff, Clock clock,
                Duration lease, int maxAttempts) {
        this.jdbc = jdbc;
        this.claimTransaction = new TransactionTemplate(transaction.getTransactionManager());
        this.claimTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.recordTransaction = new TransactionTemplate(transaction.getTransactionManager());
        this.publisher = publisher;
        this.backoff = backoff;
        this.clock = clock;
        this.lease = lease;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** One round: claims up to one batch, publishes it, records the outcome. Returns how many rows it claimed. */
    int publishOneBatch() {
        String owner = UUID.randomUUID().toString();
        List<PendingEvent> batch = claimTransaction.execute(status -> claim(owner, now()));
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        EventPublisher.Outcome outcome;
        try {
            outcome = publisher.publish(batch);
        } catch (RuntimeException e) {
            log.warn("Publishing {} events failed, will retry: {}", batch.size(), e.toString());
            recordTransaction.executeWithoutResult(status -> batch.forEach(event -> failed(event, owner, e.toString())));
            return batch.size();
        }
        List<PendingEvent> accepted = batch.stream().filter(outcome::accepted).toList();
        recordTransaction.executeWithoutResult(status -> {
            markPublished(accepted, owner);
            batch.stream().filter(event -> !outcome.accepted(event))
                    .forEach(event -> failed(event, owner, outcome.failedEventIds().get(event.eventId())));
        });
        return batch.size();
    }

    /** Publishes until nothing is due; returns the number of rows handled. */
    int drain() {
        int total = 0;
        int claimed;
        do {
            claimed = publishOneBatch();
            total += claimed;
        } while (claimed > 0);
        return total;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private List<PendingEvent> claim(String owner, Instant now) {
        List<PendingEvent> batch = jdbc.sql(CLAIM)
                .params(Timestamp.from(now), Timestamp.from(now), EventPublisher.MAX_BATCH)
                .query((rs, n) -> new PendingEvent(rs.getLong("id"), rs.getString("event_id"),
                        rs.getString("event_type"), rs.getString("aggregate_id"), rs.getString("body"),
                        rs.getInt("attempts"), rs.getString("traceparent")))
                .list();
        if (!batch.isEmpty()) {
            jdbc.sql("UPDATE outbox SET lease_owner = :owner, lease_until = :until WHERE id IN (:ids)")
                    .param("owner", owner)
                    .param("until", Timestamp.from(now.plus(lease)))
                    .param("ids", batch.stream().map(PendingEvent::id).toList())
                    .update();
        }
        return batch;
    }

    /** One statement for the whole batch (the usual case: SNS accepted every entry), not one per row. */
    private void markPublished(List<PendingEvent> events, String owner) {
        if (events.isEmpty()) {
            return;
        }
        int marked = jdbc.sql("""
                        UPDATE outbox SET published_at = :now, attempts = attempts + 1, last_error = NULL,
                                          lease_owner = NULL, lease_until = NULL
                        WHERE id IN (:ids) AND lease_owner = :owner""")
                .param("now", Timestamp.from(now()))
                .param("ids", events.stream().map(PendingEvent::id).toList())
                .param("owner", owner)
                .update();
        if (marked < events.size()) {
            // the lease ran out and another relay took rows over; it publishes them (deduplicated) and marks them
            log.warn("Lease on {} of {} published events lost before they were marked", events.size() - marked,
                    events.size());
        }
    }

    private void failed(PendingEvent event, String owner, String reason) {
        Instant now = now();
        String error = reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        int attempts = event.attempts() + 1;
        boolean park = attempts >= maxAttempts;
        if (park) {
            log.error("Parking event {} ({}, aggregate {}) after {} failed attempts; it and the later events of its "
                    + "aggregate stay unpublished until retried: {}", event.eventId(), event.eventType(),
                    event.aggregateId(), attempts, error);
        } else {
            log.warn("Event {} ({}) not published, attempt {} of {}: {}", event.eventId(), event.eventType(), attempts,
                    maxAttempts, error);
        }
        jdbc.sql("""
                        UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, parked_at = ?,
                                          lease_owner = NULL, lease_until = NULL
                        WHERE id = ? AND lease_owner = ?""")
                .params(attempts, Timestamp.from(now.plus(backoff.delayAfter(event.attempts()))), error,
                        park ? Timestamp.from(now) : null, event.id(), owner)
                .update();
    }
}
