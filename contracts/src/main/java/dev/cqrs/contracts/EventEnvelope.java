package dev.cqrs.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on the wire: metadata every consumer needs without knowing the event type, plus the typed payload.
 *
 * @param eventId          unique per event; the SNS deduplication id and the consumers' idempotency key
 * @param eventType        registered name of the payload type, see {@link EventTypes}
 * @param schemaVersion    version of the payload's JSON shape
 * @param aggregateVersion version of the aggregate after this event; consumers apply an event only if it is newer
 * @param correlationId    ties the event to the request that caused it
 * @param actor            who caused it (user id, or "anonymous")
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        String correlationId,
        String actor,
        DomainEvent payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be >= 1, was " + aggregateVersion);
        }
    }

    /** Wraps a new event with a fresh id; type, schema version and aggregate come from the payload. */
    public static EventEnvelope wrap(DomainEvent payload, long aggregateVersion, Instant occurredAt,
                                     String correlationId, String actor) {
        EventTypes.Type type = EventTypes.of(payload.getClass());
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.schemaVersion(), payload.aggregateType(),
                payload.aggregateId(), aggregateVersion, occurredAt, correlationId, actor, payload);
    }

    /** The payload as the type the caller expects. */
    public <T extends DomainEvent> T payloadAs(Class<T> type) {
        return type.cast(payload);
    }
}
