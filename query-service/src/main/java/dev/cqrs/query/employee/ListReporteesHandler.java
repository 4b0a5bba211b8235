package dev.cqrs.query.employee;

import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.util.List;

/**
 * One Query on the key: {@code pk = manager AND begins_with(sk, "REPORTEE#")}, in code order. No Scan and no filter
 * expression, so DynamoDB reads only the manager's reportee items. Reads one item more than the page holds, so the
 * last page says so (no cursor) instead of leading to an empty page. An unknown manager is a 404, not an empty list.
 */
@Component
class ListReporteesHandler {

    private final DynamoDbTable<EmployeeItem> table;
    private final EmployeeReads reads;

    ListReporteesHandler(DynamoDbTable<EmployeeItem> table, EmployeeReads reads) {
        this.table = table;
        this.reads = reads;
    }

    ReporteePage handle(ListReportees query) {
        if (reads.employee(query.managerCode(), false).isEmpty()) {
            throw new EmployeeNotFoundException(query.managerCode());
        }
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(query.managerCode()).sortValue(EmployeeItem.REPORTEE_PREFIX).build()))
                .limit(query.limit() + 1);
        if (query.cursor() != null) {
            request.exclusiveStartKey(query.cursor().exclusiveStartKey(query.managerCode()));
        }
        List<EmployeeItem> items = table.query(request.build()).items().stream().limit(query.limit() + 1L).toList();
        if (items.size() <= query.limit()) {
            return new ReporteePage(items.stream().map(ReporteeView::of).toList(), null);
        }
        List<EmployeeItem> page = items.subList(0, query.limit());
        return new ReporteePage(page.stream().map(ReporteeView::of).toList(),
                new ReporteeCursor(page.getLast().getCode()).encode());
    }
}
