package dev.cqrs.query.audit;

import jakarta.annotation.Nullable;
import java.util.List;

/** @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page */
record AuditPage(List<AuditRecord> items, @Nullable String nextCursor) {
}
