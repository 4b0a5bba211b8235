package dev.cqrs.query.employee;

import org.springframework.stereotype.Component;

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

    private final EmployeeReads reads;

    ListReporteesHandler(EmployeeReads reads) {
        this.reads = reads;
    }

    ReporteePage handle(ListReportees query) {
        if (reads.employee(query.managerCode(), false).isEmpty()) {
            throw new EmployeeNotFoundException(query.managerCode());
        }
        List<ReporteeView> reportees = reads.reportees(query.managerCode(), query.limit() + 1,
                        query.cursor() == null ? null : query.cursor().exclusiveStartKey(query.managerCode()))
                .limit(query.limit() + 1L)
                .toList();
        if (reportees.size() <= query.limit()) {
            return new ReporteePage(reportees, null);
        }
        List<ReporteeView> page = reportees.subList(0, query.limit());
        return new ReporteePage(page, new ReporteeCursor(page.getLast().code()).encode());
    }
}
