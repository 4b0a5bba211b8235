package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.audit.AuditMessageRecorded;
import dev.cqrs.contracts.store.AuditItemFormat;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.cqrs.contracts.store.AuditItemFormat.ACTOR;
import static dev.cqrs.contracts.store.AuditItemFormat.AGGREGATE_VERSION;
import static dev.cqrs.contracts.store.AuditItemFormat.CORRELATION_ID;
import static dev.cqrs.contracts.store.AuditItemFormat.DAY_PK;
import static dev.cqrs.contracts.store.AuditItemFormat.DAY_SK;
import static dev.cqrs.contracts.store.AuditItemFormat.ENTITY_ID;
import static dev.cqrs.contracts.store.AuditItemFormat.ENTITY_TYPE;
import static dev.cqrs.contracts.store.AuditItemFormat.EVENT_ID;
import static dev.cqrs.contracts.store.AuditItemFormat.EVENT_TYPE;
import static dev.cqrs.contracts.store.AuditItemFormat.OCCURRED_AT;
import static dev.cqrs.contracts.store.AuditItemFormat.PAYLOAD;
import static dev.cqrs.contracts.store.AuditItemFormat.PK;
import static dev.cqrs.contracts.store.AuditItemFormat.SK;

/** An event as the one audit-table item of {@link AuditItemFormat} that records it. */
final class AuditItems {

    private AuditItems() {
    }

    /**
     * The audit item for an event: the entity is the event's aggregate (for a free audit message: entity type
     * {@code audit-message}, entity id = the message id), and it is indexed under the UTC day it occurred on.
     * An absent correlation id or actor is an absent attribute.
     */
    static Map<String, AttributeValue> of(EventEnvelope event) {
        String sortKey = AuditItemFormat.sortKey(event.occurredAt(), event.eventId());
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PK, s(AuditItemFormat.partitionKey(event.aggregateType(), event.aggregateId())));
        item.put(SK, s(sortKey));
        item.put(DAY_PK, s(AuditItemFormat.dayPartitionKey(AuditItemFormat.dayOf(event.occurredAt()))));
        item.put(DAY_SK, s(sortKey));
        item.put(EVENT_ID, s(event.eventId().toString()));
        item.put(EVENT_TYPE, s(event.eventType()));
        item.put(ENTITY_TYPE, s(event.aggregateType()));
        item.put(ENTITY_ID, s(event.aggregateId()));
        item.put(OCCURRED_AT, s(AuditItemFormat.timestamp(event.occurredAt())));
        putIfPresent(item, ACTOR, actorOf(event));
        putIfPresent(item, CORRELATION_ID, event.correlationId());
        item.put(AGGREGATE_VERSION, AttributeValue.fromN(Long.toString(event.aggregateVersion())));
        item.put(PAYLOAD, s(EventJson.payloadJson(event)));
        return item;
    }

    /**
     * A free audit message is recorded as said by the user it names ({@code userId}, conventions), whoever sent the
     * request; the envelope's actor stands in only if the message names nobody. Every other event: who caused it.
     */
    private static String actorOf(EventEnvelope event) {
        if (event.payload() instanceof AuditMessageRecorded message
                && message.userId() != null && !message.userId().isBlank()) {
            return message.userId();
        }
        return event.actor();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
