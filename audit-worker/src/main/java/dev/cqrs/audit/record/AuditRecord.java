package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
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

    /** The audit item for an event: the entity is the event's aggregate. */
    static AuditRecord of(EventEnvelope event) {
        AuditRecord record = new AuditRecord();
        record.pk = AuditKeys.partitionKey(event.aggregateType(), event.aggregateId());
        record.sk = AuditKeys.sortKey(event.occurredAt(), event.eventId());
        record.eventId = event.eventId().toString();
        record.eventType = event.eventType();
        record.entityType = event.aggregateType();
        record.entityId = event.aggregateId();
        record.occurredAt = AuditKeys.timestamp(event.occurredAt());
        record.actor = event.actor();
        record.correlationId = event.correlationId();
        record.aggregateVersion = event.aggregateVersion();
        record.payload = EventJson.payloadJson(event);
        return record;
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
}
