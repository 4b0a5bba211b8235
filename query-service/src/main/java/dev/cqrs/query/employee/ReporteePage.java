package dev.cqrs.query.employee;

import jakarta.annotation.Nullable;
import java.util.List;

/** @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page */
record ReporteePage(List<ReporteeView> items, @Nullable String nextCursor) {
}
