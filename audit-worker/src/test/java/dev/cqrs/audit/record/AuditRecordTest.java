package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.todo.TodoCreated;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRecordTest {

    @Test
    void mapsTheEnvelopeToTheConventionalItemShape() {
        Instant at = Instant.parse("2026-11-21T19:30:00.5Z");
        EventEnvelope event = EventEnvelope.wrap(new TodoCreated("todo-1", "Buy milk", null, at), 3, at,
                "corr-1", "alice");

        AuditRecord item = AuditRecord.of(event);

        assertThat(item.getPk()).isEqualTo("todo#todo-1");
        assertThat(item.getSk()).isEqualTo("2026-11-21T19:30:00.500000Z#" + event.eventId());
        assertThat(item.getEventId()).isEqualTo(event.eventId().toString());
        assertThat(item.getEventType()).isEqualTo("TodoCreated");
        assertThat(item.getEntityType()).isEqualTo("todo");
        assertThat(item.getEntityId()).isEqualTo("todo-1");
        assertThat(item.getOccurredAt()).isEqualTo("2026-11-21T19:30:00.500000Z");
        assertThat(item.getActor()).isEqualTo("alice");
        assertThat(item.getCorrelationId()).isEqualTo("corr-1");
        assertThat(item.getAggregateVersion()).isEqualTo(3L);
        assertThat(EventJson.tree(item.getPayload()).path("title").asString()).isEqualTo("Buy milk");
        assertThat(EventJson.tree(item.getPayload()).path("todoId").asString()).isEqualTo("todo-1");
    }
}
