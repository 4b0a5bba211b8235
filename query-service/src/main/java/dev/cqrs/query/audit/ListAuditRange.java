package dev.cqrs.query.audit;

import java.time.Instant;

/**
 * Query: every audit record that occurred in {@code [from, to)}, newest first.
 *
 * @param cursor where the previous page ended, or {@code null} for the first page
 */
record ListAuditRange(Instant from, Instant to, int limit, AuditRangeCursor cursor) {
}
