package dev.cqrs.query.audit;

import dev.cqrs.contracts.store.AuditItemFormat;
import dev.cqrs.query.web.InvalidQueryException;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Query per day bucket of the {@code byDay} index ({@code gsi1pk = "DAY#day"}, {@code gsi1sk} between the range's
 * bounds), newest day first and newest item first within a day, until the page is full (plus one item, to know
 * whether there is a next page). The range is at most 31 days, so a page costs at most 32 Queries even when most days
 * are empty. The cursor says which day to continue in and where.
 */
@Component
class ListAuditRangeHandler {

    private final AuditTable table;
    private final AuditRecords records;

    ListAuditRangeHandler(AuditTable table, AuditRecords records) {
        this.table = table;
        this.records = records;
    }

    AuditPage handle(ListAuditRange query) {
        LocalDate firstDay = AuditItemFormat.dayOf(query.from());
        // to is exclusive: an instant at midnight does not open that day's bucket
        LocalDate lastDay = AuditItemFormat.dayOf(query.to().minusNanos(1));
        LocalDate day = query.cursor() == null ? lastDay : query.cursor().day();
        if (day.isBefore(firstDay) || day.isAfter(lastDay)) {
            throw new InvalidQueryException("cursor", "belongs to another time range");
        }
        int wanted = query.limit() + 1;
        List<Map<String, AttributeValue>> found = new ArrayList<>(wanted);
        for (; !day.isBefore(firstDay) && found.size() < wanted; day = day.minusDays(1)) {
            boolean resume = query.cursor() != null && day.equals(query.cursor().day());
            found.addAll(dayBucket(day, query, wanted - found.size(), resume));
        }
        if (found.size() <= query.limit()) {
            return new AuditPage(found.stream().map(records::of).toList(), null);
        }
        List<Map<String, AttributeValue>> page = found.subList(0, query.limit());
        Map<String, AttributeValue> last = page.getLast();
        return new AuditPage(page.stream().map(records::of).toList(),
                new AuditRangeCursor(last.get(AuditItemFormat.PK).s(), last.get(AuditItemFormat.SK).s()).encode());
    }

    private List<Map<String, AttributeValue>> dayBucket(LocalDate day, ListAuditRange query, int wanted,
                                                        boolean resume) {
        // The index's pages are fetched lazily: the stream stops asking DynamoDB once it has enough.
        return table.query(request -> request
                        .indexName(AuditItemFormat.DAY_INDEX)
                        .keyConditionExpression("#day = :day AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#day", AuditItemFormat.DAY_PK, "#sk", AuditItemFormat.DAY_SK))
                        .expressionAttributeValues(Map.of(
                                ":day", AttributeValue.fromS(AuditItemFormat.dayPartitionKey(day)),
                                ":from", AttributeValue.fromS(AuditKeyLimits.bound(query.from())),
                                ":to", AttributeValue.fromS(AuditKeyLimits.bound(query.to()))))
                        .scanIndexForward(false)
                        .limit(wanted)
                        .exclusiveStartKey(resume ? query.cursor().exclusiveStartKey() : null))
                .limit(wanted)
                .toList();
    }
}
