package dev.cqrs.command.outbox;

import dev.cqrs.contracts.observability.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The numbers that say whether the outbox is healthy, read from the table when scraped (names: {@link MetricNames}):
 * <ul>
 *   <li>{@code outbox.oldest.unpublished.age} (seconds): age of the oldest event still waiting to be published,
 *       parked ones excluded, 0 when none waits; grows when the relay is stopped, does not keep up or SNS keeps
 *       failing (alarmed on in CloudWatch);</li>
 *   <li>{@code outbox.backlog} (rows): how many such events wait;</li>
 *   <li>{@code outbox.parked} (rows): events the relay gave up on; anything above zero needs an operator.</li>
 * </ul>
 */
@Component
class OutboxMetrics {

    /** Both numbers of one scrape come from one query; kept at most {@link #FRESH} so the second gauge reuses it. */
    private static final Duration FRESH = Duration.ofMillis(250);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Waiting waiting = new Waiting(0, null, Instant.MIN);

    /** The unpublished, unparked events: how many, the oldest's creation time (null when none), when read. */
    private record Waiting(long count, Timestamp oldest, Instant readAt) {
    }

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock, ParkedEvents parked) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder(MetricNames.OUTBOX_OLDEST_AGE, () -> {
                    Timestamp oldest = waiting().oldest();
                    return oldest == null ? 0.0
                            : Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0;
                })
                .baseUnit("seconds")
                .description("Age of the oldest event not yet accepted by SNS (parked events excluded)")
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_BACKLOG, () -> waiting().count())
                .baseUnit("rows")
                .description("Events not yet accepted by SNS (parked events excluded)")
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_PARKED, parked::count)
                .baseUnit("rows")
                .description("Events parked after too many failed publishes; listed by GET /api/outbox/parked")
                .register(registry);
    }

    private Waiting waiting() {
        Waiting last = waiting;
        Instant now = clock.instant();
        if (Duration.between(last.readAt(), now).compareTo(FRESH) < 0) {
            return last;
        }
        Waiting read = jdbc.sql("SELECT COUNT(*), MIN(created_at) FROM outbox "
                        + "WHERE published_at IS NULL AND parked_at IS NULL")
                .query((rows, n) -> new Waiting(rows.getLong(1), rows.getTimestamp(2), now))
                .single();
        waiting = read;
        return read;
    }
}
