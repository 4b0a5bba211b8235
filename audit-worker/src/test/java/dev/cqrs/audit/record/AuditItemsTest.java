package dev.cqrs.audit.record;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.EventTypes;
import dev.cqrs.contracts.audit.AuditMessageRecorded;
import dev.cqrs.contracts.todo.TodoCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.cqrs.contracts.store.AuditItemFormat.*;
import static org.assertj.core.api.Assertions.assertThat;

class AuditItemsTest {

    @Test
    void mapsTheEnvelopeToTheConventionalItemShape() {
        Instant at = Instant.parse("2026-11-21T19:30:00.5Z");
        EventEnvelope event = EventEnvelope.wrap(new TodoCreated("todo-1", "Buy milk", null, at), 3, at,
                "corr-1", "alice");

        Map<String, AttributeValue> item = AuditItems.of(event);

        assertThat(attribute(item, PK)).isEqualTo("todo#todo-1");
        assertThat(attribute(item, SK)).isEqualTo("2026-11-21T19:30:00.500000Z#" + event.eventId());
        assertThat(attribute(item, DAY_PK)).isEqualTo("DAY#2026-11-21");
        assertThat(attribute(item, DAY_SK)).isEqualTo(attribute(item, SK));
        assertThat(attribute(item, EVENT_ID)).isEqualTo(event.eventId().toString());
        assertThat(attribute(item, EVENT_TYPE)).isEqualTo("TodoCreated");
        assertThat(attribute(item, ENTITY_TYPE)).isEqualTo("todo");
        assertThat(attribute(item, ENTITY_ID)).isEqualTo("todo-1");
        assertThat(attribute(item, OCCURRED_AT)).isEqualTo("2026-11-21T19:30:00.500000Z");
        assertThat(attribute(item, ACTOR)).isEqualTo("alice");
        assertThat(attribute(item, CORRELATION_ID)).isEqualTo("corr-1");
        assertThat(attribute(item, AGGREGATE_VERSION)).isEqualTo("3");
        assertThat(EventJson.tree(attribute(item, PAYLOAD)).path("title").asString()).isEqualTo("Buy milk");
        assertThat(EventJson.tree(attribute(item, PAYLOAD)).path("todoId").asString()).isEqualTo("todo-1");
    }

    @Test
    void anAuditMessageIsRecordedUnderItsIdAndAttributedToItsUser() {
        Instant at = Instant.parse("2026-11-21T23:59:59.999999Z");
        String messageId = UUID.randomUUID().toString();
        EventEnvelope event = EventEnvelope.wrap(
                new AuditMessageRecorded(messageId, "u-17", "exported the payroll", at), 1, at, "corr-2", "anonymous");

        Map<String, AttributeValue> item = AuditItems.of(event);

        assertThat(attribute(item, ENTITY_TYPE)).isEqualTo("audit-message");
        assertThat(attribute(item, ENTITY_ID)).isEqualTo(messageId);
        assertThat(attribute(item, PK)).isEqualTo("audit-message#" + messageId);
        assertThat(attribute(item, ACTOR)).isEqualTo("u-17");
        assertThat(attribute(item, EVENT_TYPE)).isEqualTo("AuditMessageRecorded");
        assertThat(attribute(item, DAY_PK)).isEqualTo("DAY#2026-11-21");
        ObjectNode payload = EventJson.tree(attribute(item, PAYLOAD));
        assertThat(payload.path("message").asString()).isEqualTo("exported the payroll");
        assertThat(payload.path("userId").asString()).isEqualTo("u-17");
        assertThat(payload.path("messageId").asString()).isEqualTo(messageId);
    }

    @Test
    void anAuditMessageWithoutAUserKeepsTheEnvelopesActor() {
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        EventEnvelope event = EventEnvelope.wrap(
                new AuditMessageRecorded(UUID.randomUUID().toString(), " ", "note", at), 1, at, "corr-3", "alice");

        assertThat(attribute(AuditItems.of(event), ACTOR)).isEqualTo("alice");
    }

    static List<EventTypes.Type> registeredTypes() {
        return EventTypes.all();
    }

    /**
     * Every event type on the wire, read back through the codec as the worker reads it, becomes an item about its
     * aggregate, in its day bucket, with the whole payload. A new event type with a field type the sample builder
     * below does not know fails here, which is the reminder to look at its audit mapping.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void everyRegisteredEventTypeMapsToAnItemAboutItsAggregate(EventTypes.Type type) throws Exception {
        Instant at = Instant.parse("2026-03-04T05:06:07.080910Z");
        DomainEvent sample = sample(type.javaType(), at);
        EventEnvelope event = EventJson.read(EventJson.write(
                EventEnvelope.wrap(sample, 2, at, "corr-" + type.name(), "actor-" + type.name())));

        Map<String, AttributeValue> item = AuditItems.of(event);

        assertThat(attribute(item, EVENT_TYPE)).isEqualTo(type.name());
        assertThat(attribute(item, ENTITY_TYPE)).isEqualTo(sample.aggregateType()).isNotBlank();
        assertThat(attribute(item, ENTITY_ID)).isEqualTo(sample.aggregateId()).isNotBlank();
        assertThat(attribute(item, PK)).isEqualTo(sample.aggregateType() + "#" + sample.aggregateId());
        assertThat(attribute(item, SK)).isEqualTo("2026-03-04T05:06:07.080910Z#" + event.eventId());
        assertThat(attribute(item, DAY_PK)).isEqualTo("DAY#2026-03-04");
        assertThat(attribute(item, DAY_SK)).isEqualTo(attribute(item, SK));
        assertThat(attribute(item, AGGREGATE_VERSION)).isEqualTo("2");
        assertThat(attribute(item, CORRELATION_ID)).isEqualTo("corr-" + type.name());
        assertThat(attribute(item, ACTOR)).isEqualTo(sample instanceof AuditMessageRecorded message
                ? message.userId() : "actor-" + type.name());
        ObjectNode payload = EventJson.tree(attribute(item, PAYLOAD));
        for (RecordComponent component : type.javaType().getRecordComponents()) {
            Object value = component.getAccessor().invoke(sample);
            assertThat(payload.path(component.getName()).asString()).as(component.getName())
                    .isEqualTo(value.toString());
        }
    }

    /** A record of the type with a distinct, non-null value per component (strings name the component). */
    private static DomainEvent sample(Class<? extends DomainEvent> type, Instant at) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            values[i] = sampleValue(components[i], at);
        }
        return type.getDeclaredConstructor(parameterTypes).newInstance(values);
    }

    private static Object sampleValue(RecordComponent component, Instant at) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return component.getName() + "-value";
        }
        if (type == Instant.class) {
            return at;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 3, 4);
        }
        throw new AssertionError("no sample value for " + type.getName() + " " + component.getName()
                + " of " + component.getDeclaringRecord().getName() + ": add one, and check its audit item");
    }

    /** A string attribute's value, a number's digits, or null if absent. */
    private static String attribute(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.n() != null ? value.n() : value.s();
    }
}
