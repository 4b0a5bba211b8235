package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventTypes;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.todo.TodoCreated;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Events and SQS records as the projector receives them, with fresh ids so tests never collide. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope todoCreated(String todoId, long version, String title, Instant createdAt,
                                            Instant occurredAt) {
        return new EventEnvelope(UUID.randomUUID(), "TodoCreated", 1, TodoCreated.AGGREGATE_TYPE, todoId, version,
                occurredAt, UUID.randomUUID().toString(), "test",
                new TodoCreated(todoId, title, "description of " + title, createdAt));
    }

    /** Any event, with a fresh event id; type and aggregate come from the payload, as in production. */
    public static EventEnvelope envelope(DomainEvent payload, long version, Instant occurredAt) {
        return new EventEnvelope(UUID.randomUUID(), EventTypes.of(payload.getClass()).name(), 1,
                payload.aggregateType(), payload.aggregateId(), version, occurredAt, UUID.randomUUID().toString(),
                "test", payload);
    }

    public static EventEnvelope todoCreated(String todoId, long version, String title) {
        Instant now = Instant.parse("2026-11-21T19:30:00.123456Z");
        return todoCreated(todoId, version, title, now, now.plusNanos(1_000 * version));
    }

    /** A record as Lambda's event source mapping builds it from a FIFO queue message. */
    public static SQSEvent.SQSMessage record(String body, String groupId) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setReceiptHandle("receipt-" + UUID.randomUUID());
        message.setBody(body);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("ApproximateReceiveCount", "1");
        if (groupId != null) {
            attributes.put("MessageGroupId", groupId);
            attributes.put("MessageDeduplicationId", UUID.randomUUID().toString());
        }
        message.setAttributes(attributes);
        message.setEventSource("aws:sqs");
        message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:cqrs-projector.fifo");
        return message;
    }

    public static SQSEvent.SQSMessage record(EventEnvelope event) {
        return record(EventJson.write(event), event.aggregateId());
    }

    public static SQSEvent event(SQSEvent.SQSMessage... records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(java.util.List.of(records));
        return event;
    }
}
