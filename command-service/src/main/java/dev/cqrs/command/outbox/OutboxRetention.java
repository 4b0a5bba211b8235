package dev.cqrs.command.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the outbox from growing forever: deletes rows published longer ago than {@code outbox.retention} (default
 * 7 days), in batches of {@code outbox.retention-batch-size} (default 500) so no delete holds many locks or a long
 * transaction. Unpublished and parked rows are never deleted. Runs every {@code outbox.retention-interval} (default
 * 1 h) on every instance; concurrent runs just delete disjoint or already-deleted rows.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;

    OutboxRetention(JdbcClient jdbc, Clock clock, @Value("${outbox.retention:7d}") Duration retention,
                    @Value("${outbox.retention-batch-size:500}") int batchSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = Math.max(1, batchSize);
    }

    @Scheduled(fixedDelayString = "${outbox.retention-interval:1h}",
            initialDelayString = "${outbox.retention-initial-delay:1m}")
    void scheduled() {
        int deleted = deletePublishedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} outbox rows published more than {} ago", deleted, retention);
        }
    }

    /** Deletes rows published before {@code cutoff}, batch by batch; returns how many. */
    int deletePublishedBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            // ORDER BY id makes the LIMIT deterministic (safe for statement-based replication)
            deleted = jdbc.sql("""
                            DELETE FROM outbox
                            WHERE published_at IS NOT NULL AND published_at < ?
                            ORDER BY id LIMIT ?""")
                    .params(Timestamp.from(cutoff), batchSize)
                    .update();
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
