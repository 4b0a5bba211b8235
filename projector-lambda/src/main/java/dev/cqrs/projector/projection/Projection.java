package dev.cqrs.projector.projection;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;

import java.util.Set;

/**
 * Builds one read model from the events it cares about. Implementations must be idempotent and order-safe: an event
 * whose aggregate version is not newer than what the read model already holds changes nothing, because SQS delivers
 * at least once and a failed batch is redelivered.
 */
public interface Projection {

    /** The payload types this read model is built from. */
    Set<Class<? extends DomainEvent>> eventTypes();

    /** What {@link #apply} did with an event it did not refuse. */
    enum Outcome {
        /** The read model now holds this version. */
        APPLIED,
        /** The read model held this version or a newer one already: nothing changed. */
        DUPLICATE
    }

    /**
     * Applies the event.
     *
     * @return whether it changed the read model or was a duplicate (counted per read model as projection.events)
     * @throws dev.cqrs.contracts.InvalidEventException if the event can never be applied (it goes to the DLQ)
     * @throws RuntimeException                         for anything that may pass on a retry (database down, ...)
     */
    Outcome apply(EventEnvelope event);
}
