package dev.cqrs.query.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** One audited event as the API shows it; {@code payload} is the event's payload as JSON, not a string. */
record AuditRecord(String eventId, String eventType, String entityType, String entityId, Instant occurredAt,
                   String actor, String correlationId, Long aggregateVersion, JsonNode payload) {
}
