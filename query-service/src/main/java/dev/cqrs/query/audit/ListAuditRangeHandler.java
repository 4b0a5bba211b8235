package dev.cqrs.query.audit;

import dev.cqrs.query.web.InvalidQueryException;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One Query per day bucket of the {@code byDay} index ({@code gsi1pk = "DAY#day"}, {@code gsi1sk} between the range's
 * bounds), newest day first and newest item first within a day, until the page is full (plus one item, to know
 * whether there is a next page). The range is at most 31 days, so a page costs at most 32 Queries even when most days
 * are empty. The cursor says which day to continue in and where.
 */
@Component
class ListAuditRangeHandler {

    private final DynamoDbIndex<AuditItem> byDay;
    private final AuditRecords records;

    ListAuditRangeHandler(DynamoDbTable<AuditItem> table, AuditRecords records) {
        this.byDay = table.index(AuditItem.BY_DAY);
        this.records = records;
    }

    AuditPage handle(ListAuditRange query) {
        LocalDate firstDay = AuditTimeKeys.dayOf(query.from());
        // to is exclusive: an instant at midnight does not open that day's bucket
        LocalDate lastDay = AuditTimeKeys.dayOf(query.to().minusNanos(1));
        LocalDate day = query.cursor() == null ? lastDay : query.cursor().day();
        if (day.isBefore(firstDay) || day.isAfter(lastDay)) {
            throw new InvalidQueryException("cursor", "belongs to another time range");
        }
        int wanted = query.limit() + 1;
        List<AuditItem> found = new ArrayList<>(wanted);
        for (; !day.isBefore(firstDay) && found.size() < wanted; day = day.minusDays(1)) {
            boolean resume = query.cursor() != null && day.equals(query.cursor().day());
            found.addAll(dayBucket(day, query, wanted - found.size(), resume));
        }
        if (found.size() <= query.limit()) {
            return new AuditPage(found.stream().map(records::of).toList(), null);
        }
        List<AuditItem> page = found.subList(0, query.limit());
        AuditItem last = page.getLast();
        return new AuditPage(page.stream().map(records::of).toList(),
                new AuditRangeCursor(last.getPk(), last.getSk()).encode());
    }

    private List<AuditItem> dayBucket(LocalDate day, ListAuditRange query, int wanted, boolean resume) {
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(AuditTimeKeys.dayKey(day))
                                .sortValue(AuditTimeKeys.bound(query.from())).build(),
                        Key.builder().partitionValue(AuditTimeKeys.dayKey(day))
                                .sortValue(AuditTimeKeys.bound(query.to())).build()))
                .scanIndexForward(false)
                .limit(wanted);
        if (resume) {
            request.exclusiveStartKey(query.cursor().exclusiveStartKey());
        }
        // The index's pages are fetched lazily: the stream stops asking DynamoDB once it has enough.
        return byDay.query(request.build()).stream()
                .flatMap((Page<AuditItem> page) -> page.items().stream())
                .limit(wanted)
                .toList();
    }
}
