package dev.cqrs.command.outbox;

/** An outbox row claimed by the relay; {@code traceparent} is the W3C trace context of its command, or null. */
record PendingEvent(long id, String eventId, String eventType, String aggregateId, String body, int attempts,
                    String traceparent) {
}
