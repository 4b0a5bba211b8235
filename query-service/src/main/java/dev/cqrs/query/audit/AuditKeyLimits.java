package dev.cqrs.query.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The audit table's time keys (docs/conventions.md): the sort key starts with occurredAt as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ}, fixed width so that string order is time order, and the {@code byDay} index
 * partitions by {@code "DAY#yyyy-MM-dd"} of occurredAt in UTC.
 */
final class AuditTimeKeys {

    static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    static final int SORTABLE_INSTANT_LENGTH = 27;
    /**
     * The instants the fixed-width keys can hold: four-digit years (a fifth digit or a sign would break the width
     * and so the order), from year 1 ({@code yyyy} is the year of era: year 0 would print as 0001).
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    static final String RANGE = "between " + EARLIEST + " and " + LATEST;
    /** DynamoDB's limits on key attributes, in bytes of UTF-8: a longer key is rejected by the service. */
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;
    private static final String DAY_PREFIX = "DAY#";

    private AuditTimeKeys() {
    }

    /** Whether the keys can hold the instant (see {@link #EARLIEST} and {@link #LATEST}). */
    static boolean holds(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /**
     * Whether a key from a client (a cursor) is one DynamoDB accepts: not empty and within its size limit. Checked
     * here so that a client's oversized key is its 400, not the table's 503.
     */
    static boolean fits(String key, int maxBytes) {
        return !key.isEmpty() && key.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    static String dayKey(LocalDate day) {
        return DAY_PREFIX + day;
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * A sort-key bound for an instant: every item at or after it sorts at or above the bound ("ts#id" &gt; "ts"),
     * every item before it below. Rounded up to the microsecond, the keys' precision, so that holds for any instant.
     */
    static String bound(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return SORTABLE_INSTANT.format(micros.equals(instant) ? micros : micros.plus(1, ChronoUnit.MICROS));
    }
}
