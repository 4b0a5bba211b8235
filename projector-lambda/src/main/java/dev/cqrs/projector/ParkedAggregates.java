package dev.cqrs.projector;

import java.util.Collection;

/**
 * The aggregates whose event stream is held in the dead-letter queue: once one event of an aggregate is parked as
 * poison, every later event of that aggregate is parked behind it (a sequenced dead-letter queue), so the read model
 * never applies an event over a hole. Keyed by the SQS FIFO message group id, which is the aggregate id.
 */
interface ParkedAggregates {

    boolean isParked(String messageGroupId);

    /** Marks the group parked (idempotent: the first reason stays). */
    void park(String messageGroupId, String messageId, String reason);

    /** Releases the groups, before an operator moves their messages back to the source queue. */
    void release(Collection<String> messageGroupIds);
}
