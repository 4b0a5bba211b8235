package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.audit.AuditMessageRecorded;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One item of the audit table, one per event (shape in docs/conventions.md). A mutable bean only because that is
 * what the enhanced client's {@link DynamoDbBean} mapper needs; instances are built once by {@link #of} and written.
 */
@DynamoDbBean
public class AuditRecord {

    private String pk;
    private String sk;
    private String eventId;
    private String eventType;
    private String entityType;
    private String entityId;
    private String occurredAt;
    private String actor;
    private String correlationId;
    private Long aggregateVersion;
    private String payload;
    private String gsi1pk;
    private String gsi1sk;

    /**
     * The audit item for an event: the entity is the event's aggregate (for a free audit message: entity type
     * {@code audit-message}, entity id = the message id), and it is indexed under the UTC day it occurred on.
     */
    static AuditRecord of(EventEnvelope event) {
        AuditRecord record = new AuditRecord();
        record.pk = AuditKeys.partitionKey(event.aggregateType(), event.aggregateId());
        record.sk = AuditKeys.sortKey(event.occurredAt(), event.eventId());
        record.gsi1pk = AuditKeys.dayPartitionKey(event.occurredAt());
        record.gsi1sk = AuditKeys.daySortKey(event.occurredAt(), event.eventId());
        record.eventId = event.eventId().toString();
        record.eventType = event.eventType();
        record.entityType = event.aggregateType();
        record.entityId = event.aggregateId();
        record.occurredAt = AuditKeys.timestamp(event.occurredAt());
        record.actor = actorOf(event);
        record.correlationId = event.correlationId();
        record.aggregateVersion = event.aggregateVersion();
        record.payload = EventJson.payloadJson(event);
        return record;
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

    @DynamoDbPartitionKey
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public String getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(String occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public void setCorrelationId(String correlationId) {
        this.correlationId = correlationId;
    }

    public Long getAggregateVersion() {
        return aggregateVersion;
    }

    public void setAggregateVersion(Long aggregateVersion) {
        this.aggregateVersion = aggregateVersion;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = AuditKeys.DAY_INDEX)
    public String getGsi1pk() {
        return gsi1pk;
    }

    public void setGsi1pk(String gsi1pk) {
        this.gsi1pk = gsi1pk;
    }

    @DynamoDbSecondarySortKey(indexNames = AuditKeys.DAY_INDEX)
    public String getGsi1sk() {
        return gsi1sk;
    }

    public void setGsi1sk(String gsi1sk) {
        this.gsi1sk = gsi1sk;
    }
}
