package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.store.AuditItemFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;

/** Appends audit items. The table is append-only: an existing item is never overwritten. */
@Component
class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** The key (pk, sk) contains the event id, so "an item with this key exists" means "this event is recorded". */
    private static final String NOT_YET_RECORDED = "attribute_not_exists(#pk)";

    private final DynamoDbClient dynamoDb;
    private final String table;

    AuditTrail(DynamoDbClient dynamoDb, AuditWorkerProperties properties) {
        this.dynamoDb = dynamoDb;
        this.table = properties.table();
    }

    /**
     * Records the event once. A redelivered event finds its item already there and is a success, so the caller
     * acknowledges it; any other DynamoDB error propagates, so the message is not acknowledged and comes back.
     *
     * @return whether a new item was written
     */
    boolean record(EventEnvelope event) {
        var item = AuditItems.of(event);
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item)
                    .conditionExpression(NOT_YET_RECORDED)
                    .expressionAttributeNames(Map.of("#pk", AuditItemFormat.PK)));
            log.debug("Recorded {} {} for {}", event.eventType(), event.eventId(), item.get(AuditItemFormat.PK).s());
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            log.info("Event {} ({}) is already recorded; redelivery ignored", event.eventId(), event.eventType());
            return false;
        }
    }
}
