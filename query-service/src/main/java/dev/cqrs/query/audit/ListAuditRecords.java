package dev.cqrs.query.audit;

/**
 * Query: the audit trail of one entity, newest first.
 *
 * @param cursor where the previous page ended, or {@code null} for the first page
 */
record ListAuditRecords(String entityType, String entityId, int limit, AuditCursor cursor) {
}
