package dev.cqrs.query.audit;

import dev.cqrs.contracts.store.AuditItemFormat;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * A Query on the entity's partition, sort key descending (the sort key starts with the fixed-width timestamp, so
 * that is newest first). Reads one item more than the page holds, so the last page says so (no cursor) instead of
 * leading to an empty page.
 */
@Component
class ListAuditRecordsHandler {

    private final AuditTable table;
    private final AuditRecords records;

    ListAuditRecordsHandler(AuditTable table, AuditRecords records) {
        this.table = table;
        this.records = records;
    }

    AuditPage handle(ListAuditRecords query) {
        String partitionKey = AuditItemFormat.partitionKey(query.entityType(), query.entityId());
        List<Map<String, AttributeValue>> items = table.query(request -> request
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", AuditItemFormat.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey)))
                        .scanIndexForward(false)
                        .limit(query.limit() + 1)
                        .exclusiveStartKey(query.cursor() == null ? null
                                : query.cursor().exclusiveStartKey(partitionKey)))
                .limit(query.limit() + 1L)
                .toList();
        if (items.size() <= query.limit()) {
            return new AuditPage(items.stream().map(records::of).toList(), null);
        }
        List<Map<String, AttributeValue>> page = items.subList(0, query.limit());
        return new AuditPage(page.stream().map(records::of).toList(),
                new AuditCursor(page.getLast().get(AuditItemFormat.SK).s()).encode());
    }
}
