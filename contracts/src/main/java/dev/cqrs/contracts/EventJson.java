package dev.cqrs.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The one codec for events on the wire, shared by the relay (writer) and every consumer (readers), so the JSON shape
 * is defined in exactly one place. Thread-safe.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // new optional fields must not break old readers
            .build();

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /**
     * Reads an envelope and its typed payload.
     *
     * @throws InvalidEventException     if the message can never be processed (the reason says why): poison, to park.
     *                                   This includes a payload about another aggregate than the envelope names
     *                                   ({@link DomainEvent#aggregateId()}), checked here once for every consumer
     * @throws UnsupportedEventException if it is well-formed but of a type or schema version newer than this build:
     *                                   to retry until the consumer is upgraded, never to park
     */
    public static EventEnvelope read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException("body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("body is not a JSON object");
        }
        String eventType = text(root, "eventType");
        int schemaVersion = root.path("schemaVersion").asInt(0);
        if (schemaVersion < 1) {
            throw new InvalidEventException("invalid schemaVersion " + root.path("schemaVersion") + " for " + eventType);
        }
        EventTypes.Type type = EventTypes.named(eventType)
                .orElseThrow(() -> new UnsupportedEventException("unknown eventType '" + eventType
                        + "' (a newer producer? this consumer waits until it is upgraded)"));
        if (schemaVersion > type.schemaVersion()) {
            throw new UnsupportedEventException("unsupported schemaVersion " + schemaVersion + " for " + eventType
                    + " (this build reads up to " + type.schemaVersion() + "; it waits until it is upgraded)");
        }
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new InvalidEventException("missing payload object");
        }
        EventEnvelope envelope;
        try {
            DomainEvent payload = MAPPER.treeToValue(payloadNode, type.javaType());
            envelope = new EventEnvelope(
                    UUID.fromString(text(root, "eventId")),
                    eventType,
                    schemaVersion,
                    text(root, "aggregateType"),
                    text(root, "aggregateId"),
                    root.path("aggregateVersion").asLong(0),
                    Instant.parse(text(root, "occurredAt")),
                    root.path("correlationId").asString(null),
                    root.path("actor").asString(null),
                    payload);
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new InvalidEventException("invalid " + eventType + " envelope: " + e.getMessage(), e);
        }
        if (!envelope.aggregateId().equals(envelope.payload().aggregateId())) {
            throw new InvalidEventException(eventType + " payload id '" + envelope.payload().aggregateId()
                    + "' does not match aggregateId '" + envelope.aggregateId() + "'");
        }
        return envelope;
    }

    /** The payload alone as JSON, e.g. for an audit record. */
    public static String payloadJson(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelope.payload());
    }

    /** Parses any JSON object (used by tests and tools that tamper with envelopes). */
    public static ObjectNode tree(String json) {
        return (ObjectNode) MAPPER.readTree(json);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || !node.isString() || node.asString().isBlank()) {
            throw new InvalidEventException("missing field '" + field + "'");
        }
        return node.asString();
    }
}
