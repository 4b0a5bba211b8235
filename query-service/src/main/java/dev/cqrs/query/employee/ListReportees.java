package dev.cqrs.query.employee;

/**
 * Query: the active direct reportees of a manager, by code.
 *
 * @param managerCode upper case
 * @param cursor      where the previous page ended, or {@code null} for the first page
 */
record ListReportees(String managerCode, int limit, ReporteeCursor cursor) {
}
