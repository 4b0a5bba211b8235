package dev.cqrs.audit.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The audit table's key format (docs/conventions.md), shared knowledge with the query side that reads the table:
 * {@code pk = "<entityType>#<entityId>"}, {@code sk = "<occurredAt>#<eventId>"}, and for the time-range index
 * {@value #DAY_INDEX}: {@code gsi1pk = "DAY#<yyyy-MM-dd of occurredAt, UTC>"}, {@code gsi1sk = sk}, so all records
 * of a time range are one Query per day bucket, in time order.
 *
 * <p>The timestamp is always written with exactly six fractional digits ({@code Instant.toString()} drops trailing
 * zeros, e.g. {@code ...:00Z} vs {@code ...:00.5Z}), so that comparing sort keys as strings orders them by time and a
 * range query on {@code sk} is a time range.
 */
final class AuditKeys {

    static final String SEPARATOR = "#";

    /** The global secondary index over day buckets (infra/resources.json, table audit). */
    static final String DAY_INDEX = "byDay";

    static final String DAY_PREFIX = "DAY" + SEPARATOR;

    private static final DateTimeFormatter FIXED_WIDTH_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter UTC_DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private AuditKeys() {
    }

    static String partitionKey(String entityType, String entityId) {
        return entityType + SEPARATOR + entityId;
    }

    static String sortKey(Instant occurredAt, UUID eventId) {
        return timestamp(occurredAt) + SEPARATOR + eventId;
    }

    /** The index partition key: the UTC day the event occurred on, e.g. {@code DAY#2026-11-21}. */
    static String dayPartitionKey(Instant occurredAt) {
        return DAY_PREFIX + UTC_DAY.format(occurredAt);
    }

    /**
     * The index sort key is the item's sort key itself, so within a day the index is in time order and a time range
     * is a {@code BETWEEN} on it (same fixed-width timestamps).
     */
    static String daySortKey(Instant occurredAt, UUID eventId) {
        return sortKey(occurredAt, eventId);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} in UTC. Sub-microsecond digits are truncated: events are stamped with
     * microsecond precision by the write side (MariaDB DATETIME(6)), and the event id keeps keys unique anyway.
     */
    static String timestamp(Instant instant) {
        return FIXED_WIDTH_MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
