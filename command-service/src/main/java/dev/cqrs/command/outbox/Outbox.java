package dev.cqrs.command.outbox;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends events to the outbox inside the caller's transaction, so an event exists if and only if the change that
 * caused it committed. After the commit the relay is woken so the event leaves within milliseconds. The envelope's
 * correlation id and actor come from the thread's {@link EventMetadata}; the row keeps the current span's W3C trace
 * context ({@code traceparent}), so the relay and the consumers continue the command's trace.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RelayWakeUp wakeUp;
    private final OutboxTracing tracing;

    Outbox(JdbcClient jdbc, Clock clock, RelayWakeUp wakeUp, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wakeUp = wakeUp;
        this.tracing = tracing;
    }

    /** Microsecond precision: what DATETIME(6) stores, so the event and the row agree to the digit. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Appends the event of an aggregate's accepted {@link Change}, at the version and instant of the change. */
    public EventEnvelope append(Change<?> change) {
        return append(change.event(), change.version(), change.at());
    }

    /** Appends {@code event} as version {@code aggregateVersion} of its aggregate; throws outside a transaction. */
    public EventEnvelope append(DomainEvent event, long aggregateVersion, Instant occurredAt) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append must run inside the command's transaction");
        }
        EventMetadata metadata = EventMetadata.current();
        EventEnvelope envelope = EventEnvelope.wrap(event, aggregateVersion, occurredAt, metadata.correlationId(),
                metadata.actor());
        jdbc.sql("""
                        INSERT INTO outbox (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, body,
                                            created_at, next_attempt_at, traceparent)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(envelope.eventId().toString(), envelope.eventType(), envelope.aggregateType(),
                        envelope.aggregateId(), aggregateVersion, EventJson.write(envelope),
                        Timestamp.from(occurredAt), Timestamp.from(occurredAt), tracing.currentTraceparent())
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp.signal();
            }
        });
        return envelope;
    }
}
