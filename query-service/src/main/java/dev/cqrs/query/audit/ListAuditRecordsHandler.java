package dev.cqrs.query.audit;

import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import java.time.Instant;
import java.util.List;

/**
 * A Query on the entity's partition, sort key descending (the sort key starts with the fixed-width timestamp, so
 * that is newest first). Reads one item more than the page holds, so the last page says so (no cursor) instead of
 * leading to an empty page.
 */
@Component
class ListAuditRecordsHandler {

    private final DynamoDbTable<AuditItem> table;
    private final JsonMapper json;

    ListAuditRecordsHandler(DynamoDbTable<AuditItem> table, JsonMapper json) {
        this.table = table;
        this.json = json;
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
            return new AuditPage(items.stream().map(this::toRecord).toList(), null);
        }
        List<AuditItem> page = items.subList(0, query.limit());
        return new AuditPage(page.stream().map(this::toRecord).toList(),
                new AuditCursor(page.getLast().getSk()).encode());
    }

    private AuditRecord toRecord(AuditItem item) {
        return new AuditRecord(item.getEventId(), item.getEventType(), item.getEntityType(), item.getEntityId(),
                item.getOccurredAt() == null ? null : Instant.parse(item.getOccurredAt()), item.getActor(),
                item.getCorrelationId(), item.getAggregateVersion(), payload(item.getPayload()));
    }

    /** The payload is stored as a JSON string; shown as JSON, or as the raw string should it not parse. */
    private JsonNode payload(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (JacksonException e) {
            return StringNode.valueOf(stored);
        }
    }
}
