package dev.cqrs.command.outbox;

/** An outbox row claimed by the relay. */
record PendingEvent(long id, String eventId, String eventType, String aggregateId, String body, int attempts) {
}
