package dev.cqrs.contracts;

import dev.cqrs.contracts.todo.TodoCreated;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private final EventEnvelope envelope = EventEnvelope.wrap(
            new TodoCreated("7d3c1a52-3b1c-4d43-9a0e-4b7f2c2b9a11", "Buy milk", "2 litres",
                    Instant.parse("2026-11-21T19:30:00.123456Z")),
            1, Instant.parse("2026-11-21T19:30:00.123456Z"), "corr-1", "alice");

    @Test
    void roundTripsEnvelopeAndTypedPayload() {
        EventEnvelope read = EventJson.read(EventJson.write(envelope));

        assertThat(read).isEqualTo(envelope);
        assertThat(read.payloadAs(TodoCreated.class).createdAt()).isEqualTo(Instant.parse("2026-11-21T19:30:00.123456Z"));
    }

    @Test
    void writesTypeAndAggregateFromThePayload() {
        var tree = EventJson.tree(EventJson.write(envelope));

        assertThat(tree.get("eventType").asString()).isEqualTo("TodoCreated");
        assertThat(tree.get("aggregateType").asString()).isEqualTo("todo");
        assertThat(tree.get("aggregateId").asString()).isEqualTo("7d3c1a52-3b1c-4d43-9a0e-4b7f2c2b9a11");
        assertThat(tree.get("payload").has("aggregateType")).as("payload carries only its own fields").isFalse();
    }

    @Test
    void ignoresUnknownFieldsAddedByNewerWriters() {
        var tree = EventJson.tree(EventJson.write(envelope));
        tree.put("addedLater", "x");
        ((tools.jackson.databind.node.ObjectNode) tree.get("payload")).put("priority", 3);

        assertThat(EventJson.read(tree.toString())).isEqualTo(envelope);
    }

    @Test
    void rejectsWhatCanNeverBeProcessedWithAReason() {
        assertThatThrownBy(() -> EventJson.read("not json")).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EventJson.read("[1]")).hasMessageContaining("not a JSON object");

        var noSchema = EventJson.tree(EventJson.write(envelope)).put("schemaVersion", 0);
        assertThatThrownBy(() -> EventJson.read(noSchema.toString())).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("invalid schemaVersion 0");

        var noId = EventJson.tree(EventJson.write(envelope));
        noId.remove("eventId");
        assertThatThrownBy(() -> EventJson.read(noId.toString())).hasMessageContaining("missing field 'eventId'");

        var badVersion = EventJson.tree(EventJson.write(envelope)).put("aggregateVersion", 0);
        assertThatThrownBy(() -> EventJson.read(badVersion.toString())).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("aggregateVersion");
    }

    @Test
    void aPayloadAboutAnotherAggregateThanTheEnvelopeIsInvalid() {
        var otherTodo = EventJson.tree(EventJson.write(envelope)).put("aggregateId", "another-todo");
        assertThatThrownBy(() -> EventJson.read(otherTodo.toString())).isInstanceOf(InvalidEventException.class)
                .hasMessage("TodoCreated payload id '7d3c1a52-3b1c-4d43-9a0e-4b7f2c2b9a11' does not match "
                        + "aggregateId 'another-todo'");

        var noPayloadId = EventJson.tree(EventJson.write(envelope));
        ((tools.jackson.databind.node.ObjectNode) noPayloadId.get("payload")).remove("todoId");
        assertThatThrownBy(() -> EventJson.read(noPayloadId.toString())).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("payload id 'null' does not match");
    }

    @Test
    void eventsNewerThanThisBuildAreUnsupportedNotInvalid() {
        var unknownType = EventJson.tree(EventJson.write(envelope)).put("eventType", "TodoTeleported");
        assertThatThrownBy(() -> EventJson.read(unknownType.toString()))
                .isExactlyInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("unknown eventType 'TodoTeleported'");

        var futureSchema = EventJson.tree(EventJson.write(envelope)).put("schemaVersion", 99);
        assertThatThrownBy(() -> EventJson.read(futureSchema.toString()))
                .isExactlyInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("unsupported schemaVersion 99");
    }

    @Test
    void everyRegisteredTypeIsARecordNamedInThePastTense() {
        for (EventTypes.Type type : EventTypes.all()) {
            assertThat(type.javaType().isRecord()).as(type.name()).isTrue();
            assertThat(type.name()).as("event names are past tense").matches(".*(ed|Hired|Sent)$");
            assertThat(type.javaType().getSimpleName()).isEqualTo(type.name());
        }
    }
}
