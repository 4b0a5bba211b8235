package dev.cqrs.command.outbox;

import dev.cqrs.contracts.observability.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

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

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock, ParkedEvents parked) {
        Gauge.builder(MetricNames.OUTBOX_OLDEST_AGE, () -> jdbc
                        .sql("SELECT MIN(created_at) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL")
                        .query(Timestamp.class).optional()
                        .map(oldest -> Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0)
                        .orElse(0.0))
                .baseUnit("seconds")
                .description("Age of the oldest event not yet accepted by SNS (parked events excluded)")
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_BACKLOG, () -> jdbc
                        .sql("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL")
                        .query(Long.class).single())
                .baseUnit("rows")
                .description("Events not yet accepted by SNS (parked events excluded)")
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_PARKED, parked::count)
                .baseUnit("rows")
                .description("Events parked after too many failed publishes; listed by GET /api/outbox/parked")
                .register(registry);
    }
}
