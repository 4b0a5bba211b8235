package dev.cqrs.query.audit;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import java.time.Instant;

/** Turns stored audit items into what the API shows, for both audit queries. */
@Component
class AuditRecords {

    private final JsonMapper json;

    AuditRecords(JsonMapper json) {
        this.json = json;
    }

    AuditRecord of(AuditItem item) {
        return new AuditRecord(item.getEventId(), item.getEventType(), item.getEntityType(), item.getEntityId(),
                item.getOccurredAt() == null ? null : Instant.parse(item.getOccurredAt()), item.getActor(),
                item.getCorrelationId(), item.getAggregateVersion(), payload(item.getPayload()));
    }

    /** The payload is stored as a JSON string; shown as JSON, or as the raw string should it not parse. */
    private JsonNode payload(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (JacksonException e) {
            return StringNode.valueOf(stored);
        }
    }
}
