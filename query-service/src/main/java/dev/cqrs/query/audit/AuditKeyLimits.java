package dev.cqrs.query.audit;

import dev.cqrs.contracts.store.AuditItemFormat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the audit queries check and compute on top of the table's key format ({@link AuditItemFormat}): the time
 * bounds of a range query, and DynamoDB's size limits for keys a client hands back in a cursor.
 */
final class AuditKeyLimits {

    static final String RANGE = "between " + AuditItemFormat.EARLIEST + " and " + AuditItemFormat.LATEST;
    /** DynamoDB's limits on key attributes, in bytes of UTF-8: a longer key is rejected by the service. */
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;

    private AuditKeyLimits() {
    }

    /**
     * Whether a key from a client (a cursor) is one DynamoDB accepts: not empty and within its size limit. Checked
     * here so that a client's oversized key is its 400, not the table's 503.
     */
    static boolean fits(String key, int maxBytes) {
        return !key.isEmpty() && key.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    /**
     * A sort-key bound for an instant: every item at or after it sorts at or above the bound ("ts#id" &gt; "ts"),
     * every item before it below. Rounded up to the microsecond, the keys' precision, so that holds for any instant.
     */
    static String bound(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return AuditItemFormat.timestamp(micros.equals(instant) ? micros : micros.plus(1, ChronoUnit.MICROS));
    }
}
