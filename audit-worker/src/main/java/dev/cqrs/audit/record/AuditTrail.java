package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Appends audit items. The table is append-only: an existing item is never overwritten. */
@Component
class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** The key (pk, sk) contains the event id, so "an item with this key exists" means "this event is recorded". */
    private static final Expression NOT_YET_RECORDED = Expression.builder()
            .expression("attribute_not_exists(pk)")
            .build();

    private final DynamoDbTable<AuditRecord> table;

    AuditTrail(DynamoDbTable<AuditRecord> table) {
        this.table = table;
    }

    /**
     * Records the event once. A redelivered event finds its item already there and is a success, so the caller
     * acknowledges it; any other DynamoDB error propagates, so the message is not acknowledged and comes back.
     *
     * @return whether a new item was written
     */
    boolean record(EventEnvelope event) {
        AuditRecord item = AuditRecord.of(event);
        try {
            table.putItem(PutItemEnhancedRequest.builder(AuditRecord.class)
                    .item(item)
                    .conditionExpression(NOT_YET_RECORDED)
                    .build());
            log.debug("Recorded {} {} for {}", event.eventType(), event.eventId(), item.getPk());
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            log.info("Event {} ({}) is already recorded; redelivery ignored", event.eventId(), event.eventType());
            return false;
        }
    }
}
