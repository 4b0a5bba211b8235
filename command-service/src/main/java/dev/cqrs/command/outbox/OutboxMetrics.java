package dev.cqrs.command.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Age of the oldest unpublished event: the one number that says whether the relay keeps up (alarmed on in AWS).
 */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        Gauge.builder("outbox.oldest.unpublished.age", () -> jdbc
                        .sql("SELECT MIN(created_at) FROM outbox WHERE published_at IS NULL")
                        .query(Timestamp.class).optional()
                        .map(oldest -> Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0)
                        .orElse(0.0))
                .baseUnit("seconds")
                .description("Age of the oldest event not yet accepted by SNS")
                .register(registry);
    }
}
