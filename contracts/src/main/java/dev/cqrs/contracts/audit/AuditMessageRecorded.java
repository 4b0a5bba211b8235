package dev.cqrs.contracts.audit;

import dev.cqrs.contracts.DomainEvent;

import java.time.Instant;

/** A client sent a free-text audit message (the generic audit log). */
public record AuditMessageRecorded(
        String messageId,
        String userId,
        String message,
        Instant recordedAt) implements DomainEvent {

    public static final String AGGREGATE_TYPE = "audit-message";

    @Override
    public String aggregateType() {
        return AuditMessageRecorded.AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return messageId;
    }
}
