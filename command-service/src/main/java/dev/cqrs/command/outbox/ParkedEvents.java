package dev.cqrs.command.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Outbox rows the relay gave up on after {@code outbox.relay.max-attempts} failures. They stay in the outbox,
 * unpublished, so the later events of their aggregate stay held back (order before liveness); other aggregates are
 * unaffected. An operator looks at the error, fixes the cause and retries them.
 */
@Component
class ParkedEvents {

    /**
     * One parked row. Times are UTC instants; {@code attempts} counts failed publishes; {@code lastError} is SNS's code
     * and message or the client exception, at most 1000 characters.
     */
    record Parked(String eventId, String eventType, String aggregateType, String aggregateId, long aggregateVersion,
                  int attempts, String lastError, Instant createdAt, Instant parkedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ParkedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The oldest {@code limit} parked rows, oldest first. */
    List<Parked> list(int limit) {
        return jdbc.sql("""
                        SELECT event_id, event_type, aggregate_type, aggregate_id, aggregate_version, attempts,
                               last_error, created_at, parked_at
                        FROM outbox WHERE parked_at IS NOT NULL AND published_at IS NULL
                        ORDER BY id LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Parked(rs.getString("event_id"), rs.getString("event_type"),
                        rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getLong("aggregate_version"),
                        rs.getInt("attempts"), rs.getString("last_error"),
                        utc(rs.getObject("created_at", LocalDateTime.class)),
                        utc(rs.getObject("parked_at", LocalDateTime.class))))
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE parked_at IS NOT NULL AND published_at IS NULL")
                .query(Long.class).single();
    }

    /** Makes a parked row due again with a fresh attempt budget; false if no such parked row. */
    boolean retry(String eventId) {
        return jdbc.sql("""
                        UPDATE outbox SET parked_at = NULL, attempts = 0, next_attempt_at = ?
                        WHERE event_id = ? AND parked_at IS NOT NULL AND published_at IS NULL""")
                .params(Timestamp.from(clock.instant()), eventId)
                .update() == 1;
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
