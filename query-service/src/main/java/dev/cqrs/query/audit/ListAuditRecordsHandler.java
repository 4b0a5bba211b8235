package dev.cqrs.query.audit;

import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.util.List;

/**
 * A Query on the entity's partition, sort key descending (the sort key starts with the fixed-width timestamp, so
 * that is newest first). Reads one item more than the page holds, so the last page says so (no cursor) instead of
 * leading to an empty page.
 */
@Component
class ListAuditRecordsHandler {

    private final DynamoDbTable<AuditItem> table;
    private final AuditRecords records;

    ListAuditRecordsHandler(DynamoDbTable<AuditItem> table, AuditRecords records) {
        this.table = table;
        this.records = records;
    }

    AuditPage handle(ListAuditRecords query) {
        String partitionKey = AuditItem.partitionKey(query.entityType(), query.entityId());
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partitionKey).build()))
                .scanIndexForward(false)
                .limit(query.limit() + 1);
        if (query.cursor() != null) {
            request.exclusiveStartKey(query.cursor().exclusiveStartKey(partitionKey));
        }
        List<AuditItem> items = table.query(request.build()).items().stream().limit(query.limit() + 1L).toList();
        if (items.size() <= query.limit()) {
            return new AuditPage(items.stream().map(records::of).toList(), null);
        }
        List<AuditItem> page = items.subList(0, query.limit());
        return new AuditPage(page.stream().map(records::of).toList(),
                new AuditCursor(page.getLast().getSk()).encode());
    }
}
