package dev.cqrs.query.audit;

import dev.cqrs.contracts.store.AuditItemFormat;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import java.time.Instant;
import java.util.Map;

import static dev.cqrs.query.dynamodb.ItemAttributes.number;
import static dev.cqrs.query.dynamodb.ItemAttributes.string;

/** Turns stored audit items ({@link AuditItemFormat}) into what the API shows, for both audit queries. */
@Component
class AuditRecords {

    private final JsonMapper json;

    AuditRecords(JsonMapper json) {
        this.json = json;
    }

    AuditRecord of(Map<String, AttributeValue> item) {
        String occurredAt = string(item, AuditItemFormat.OCCURRED_AT);
        return new AuditRecord(string(item, AuditItemFormat.EVENT_ID), string(item, AuditItemFormat.EVENT_TYPE),
                string(item, AuditItemFormat.ENTITY_TYPE), string(item, AuditItemFormat.ENTITY_ID),
                occurredAt == null ? null : Instant.parse(occurredAt), string(item, AuditItemFormat.ACTOR),
                string(item, AuditItemFormat.CORRELATION_ID), number(item, AuditItemFormat.AGGREGATE_VERSION),
                payload(string(item, AuditItemFormat.PAYLOAD)));
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
