package dev.cqrs.query.employee;

import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.util.List;

/**
 * One Query on the sparse {@code byManager} index: {@code reportsTo = manager}, in code order. No Scan and no filter
 * expression: only active employees with a manager carry {@code reportsTo}, so DynamoDB reads only the manager's
 * active direct reportees. The index is eventually consistent in AWS (a moved employee may show under the old manager
 * for a moment; see docs/conventions.md). Reads one item more than the page holds, so the
 * last page says so (no cursor) instead of leading to an empty page. An unknown manager is a 404, not an empty list.
 */
@Component
class ListReporteesHandler {

    private final DynamoDbIndex<EmployeeItem> byManager;
    private final EmployeeReads reads;

    ListReporteesHandler(DynamoDbTable<EmployeeItem> table, EmployeeReads reads) {
        this.byManager = table.index(EmployeeItem.BY_MANAGER);
        this.reads = reads;
    }

    ReporteePage handle(ListReportees query) {
        if (reads.employee(query.managerCode(), false).isEmpty()) {
            throw new EmployeeNotFoundException(query.managerCode());
        }
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(query.managerCode()).build()))
                .limit(query.limit() + 1);
        if (query.cursor() != null) {
            request.exclusiveStartKey(query.cursor().exclusiveStartKey(query.managerCode()));
        }
        List<EmployeeItem> items = byManager.query(request.build()).stream()
                .flatMap(page -> page.items().stream())
                .limit(query.limit() + 1L)
                .toList();
        if (items.size() <= query.limit()) {
            return new ReporteePage(items.stream().map(ReporteeView::of).toList(), null);
        }
        List<EmployeeItem> page = items.subList(0, query.limit());
        return new ReporteePage(page.stream().map(ReporteeView::of).toList(),
                new ReporteeCursor(page.getLast().getCode()).encode());
    }
}
