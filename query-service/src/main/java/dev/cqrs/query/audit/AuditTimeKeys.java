package dev.cqrs.query.audit;

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
    private static final String DAY_PREFIX = "DAY#";

    private AuditTimeKeys() {
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
