package dev.cqrs.contracts.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The one definition of the audit table's item (docs/conventions.md), written by audit-worker and read by
 * query-service: attribute names, key formats and the fixed-width time format. Plain strings and JDK types, no AWS SDK.
 *
 * <p>{@code pk = "<entityType>#<entityId>"}, {@code sk = "<occurredAt>#<eventId>"}, and for the time-range index
 * {@value #DAY_INDEX}: {@code gsi1pk = "DAY#<yyyy-MM-dd of occurredAt, UTC>"}, {@code gsi1sk = sk}, so all records of
 * a time range are one Query per day bucket, in time order.
 *
 * <p>Times are always written with exactly six fractional digits ({@code Instant.toString()} drops trailing zeros,
 * e.g. {@code ...:00Z} vs {@code ...:00.5Z}), so that comparing sort keys as strings orders them by time and a range
 * query on {@code sk} is a time range.
 */
public final class AuditItemFormat {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String ENTITY_TYPE = "entityType";
    public static final String ENTITY_ID = "entityId";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    /** A number attribute. */
    public static final String AGGREGATE_VERSION = "aggregateVersion";
    /** The event's payload as a JSON string. */
    public static final String PAYLOAD = "payload";
    /** Partition key of {@link #DAY_INDEX}. */
    public static final String DAY_PK = "gsi1pk";
    /** Sort key of {@link #DAY_INDEX}: the item's sort key. */
    public static final String DAY_SK = "gsi1sk";

    /** The global secondary index over day buckets (infra/resources.json, table audit). */
    public static final String DAY_INDEX = "byDay";

    public static final String SEPARATOR = "#";

    private static final String DAY_PREFIX = "DAY" + SEPARATOR;

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} in UTC; see {@link #TIMESTAMP_LENGTH}, {@link #EARLIEST}, {@link #LATEST}. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    public static final int TIMESTAMP_LENGTH = 27;
    /**
     * The instants the fixed-width keys can hold: four-digit years from year 1 (a fifth digit or a sign would break
     * the width and so the order).
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private AuditItemFormat() {
    }

    public static String partitionKey(String entityType, String entityId) {
        return entityType + SEPARATOR + entityId;
    }

    public static String sortKey(Instant occurredAt, UUID eventId) {
        return timestamp(occurredAt) + SEPARATOR + eventId;
    }

    /** The index partition key: the UTC day, e.g. {@code DAY#2026-11-21}. */
    public static String dayPartitionKey(LocalDate day) {
        return DAY_PREFIX + day;
    }

    /** The UTC day an instant falls on: its bucket of {@link #DAY_INDEX}. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * {@link #TIMESTAMP}. Sub-microsecond digits are truncated: events are stamped with microsecond precision by the
     * write side (MariaDB DATETIME(6)), and the event id keeps keys unique anyway.
     */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** Whether the keys can hold the instant (see {@link #EARLIEST} and {@link #LATEST}). */
    public static boolean holds(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
