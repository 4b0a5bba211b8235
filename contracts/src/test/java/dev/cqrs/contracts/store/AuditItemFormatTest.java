package dev.cqrs.contracts.store;

import dev.cqrs.contracts.EventJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit item's keys (docs/conventions.md), and that the tables and indexes they name are the provisioned ones. */
class AuditItemFormatTest {


    private static final UUID EVENT_ID = UUID.fromString("0b4c7c1e-5f0e-4c4e-9d59-3c2f1f6f9a10");

    @Test
    void dayPartitionKeyIsTheUtcDayOfTheInstant() {
        assertThat(day("2026-11-21T19:30:00.123456Z")).isEqualTo("DAY#2026-11-21");
        assertThat(day("2026-01-02T03:04:05Z")).isEqualTo("DAY#2026-01-02");
    }

    /** The bucket is the UTC day whatever the JVM's zone: the last nanosecond of a day and midnight after it differ. */
    @Test
    void dayBucketsChangeAtUtcMidnight() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14
            assertThat(day("2026-12-31T23:59:59.999999999Z"))
                    .isEqualTo("DAY#2026-12-31");
            assertThat(day("2027-01-01T00:00:00Z")).isEqualTo("DAY#2027-01-01");
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void daySortKeyIsTheItemSortKey() {
        Instant at = Instant.parse("2026-11-21T19:30:00.5Z");
        assertThat(AuditItemFormat.sortKey(at, EVENT_ID))
                .isEqualTo("2026-11-21T19:30:00.500000Z#" + EVENT_ID);
    }

    @Test
    void partitionKeyIsEntityTypeAndIdJoinedByHash() {
        assertThat(AuditItemFormat.partitionKey("todo", "42")).isEqualTo("todo#42");
    }

    @Test
    void timestampWithoutFractionGetsSixZeroDigits() {
        assertThat(AuditItemFormat.timestamp(Instant.parse("2026-11-21T19:30:00Z")))
                .isEqualTo("2026-11-21T19:30:00.000000Z");
    }

    @Test
    void timestampWithNanosecondsIsTruncatedToMicroseconds() {
        assertThat(AuditItemFormat.timestamp(Instant.parse("2026-11-21T19:30:00.123456789Z")))
                .isEqualTo("2026-11-21T19:30:00.123456Z");
    }

    @Test
    void timestampWithFewerDigitsIsPaddedToSix() {
        assertThat(AuditItemFormat.timestamp(Instant.parse("2026-01-02T03:04:05.5Z")))
                .isEqualTo("2026-01-02T03:04:05.500000Z");
    }

    @Test
    void timestampIsUtcWhateverTheInputOffset() {
        assertThat(AuditItemFormat.timestamp(Instant.parse("2026-11-21T20:30:00.000001+01:00")))
                .isEqualTo("2026-11-21T19:30:00.000001Z");
    }

    @Test
    void sortKeyIsTimestampThenEventId() {
        assertThat(AuditItemFormat.sortKey(Instant.parse("2026-11-21T19:30:00.123456Z"), EVENT_ID))
                .isEqualTo("2026-11-21T19:30:00.123456Z#0b4c7c1e-5f0e-4c4e-9d59-3c2f1f6f9a10");
    }

    @Test
    void sortKeysHaveOneWidthWhateverTheFraction() {
        assertThat(List.of("2026-11-21T19:30:00Z", "2026-11-21T19:30:00.1Z", "2026-11-21T19:30:00.123456789Z"))
                .extracting(text -> AuditItemFormat.sortKey(Instant.parse(text), EVENT_ID).length())
                .containsOnly("2026-11-21T19:30:00.000000Z#".length() + 36);
    }

    /** Instant.toString() would sort "...:00Z" after "...:00.5Z" ('Z' > '.'); the fixed width must not. */
    @Test
    void stringOrderOfSortKeysIsTimeOrder() {
        List<Instant> instants = List.of(
                Instant.parse("2026-11-21T19:30:00Z"),
                Instant.parse("2026-11-21T19:30:00.000001Z"),
                Instant.parse("2026-11-21T19:30:00.5Z"),
                Instant.parse("2026-11-21T19:30:00.999999999Z"),
                Instant.parse("2026-11-21T19:30:01Z"),
                Instant.parse("2026-11-21T19:31:00.010Z"),
                Instant.parse("2027-01-01T00:00:00Z"));
        List<Instant> shuffled = new ArrayList<>(instants);
        java.util.Collections.reverse(shuffled);

        List<Instant> byKey = shuffled.stream()
                .sorted(Comparator.comparing(instant -> AuditItemFormat.sortKey(instant, EVENT_ID)))
                .toList();

        assertThat(byKey).containsExactlyElementsOf(instants);
    }

    @Test
    void sameInstantOrdersByEventIdAndStaysUnique() {
        Instant at = Instant.parse("2026-11-21T19:30:00Z");
        UUID other = UUID.fromString("ffffffff-0000-0000-0000-000000000000");

        assertThat(AuditItemFormat.sortKey(at, EVENT_ID)).isLessThan(AuditItemFormat.sortKey(at, other));
    }

    /** The keys and indexes the items are written for are the ones the provisioners create (infra/resources.json). */
    @Test
    void theTablesKeysAndIndexesAreTheOnesInResourcesJson() throws Exception {
        JsonNode tables = EventJson.tree(Files.readString(Path.of("..", "infra", "resources.json"))).path("tables");
        assertKeys(tables.path("audit"), AuditItemFormat.PK, AuditItemFormat.SK);
        assertIndex(tables.path("audit"), AuditItemFormat.DAY_INDEX, AuditItemFormat.DAY_PK, AuditItemFormat.DAY_SK);
        assertKeys(tables.path("employees"), EmployeeItemFormat.PK, EmployeeItemFormat.SK);
        assertIndex(tables.path("employees"), EmployeeItemFormat.BY_MANAGER, EmployeeItemFormat.REPORTS_TO,
                EmployeeItemFormat.CODE);
    }

    @Test
    void holdsOnlyFourDigitYears() {
        assertThat(AuditItemFormat.holds(AuditItemFormat.EARLIEST)).isTrue();
        assertThat(AuditItemFormat.holds(AuditItemFormat.LATEST)).isTrue();
        assertThat(AuditItemFormat.holds(AuditItemFormat.EARLIEST.minusNanos(1))).isFalse();
        assertThat(AuditItemFormat.holds(AuditItemFormat.LATEST.plusNanos(1000))).isFalse();
        for (Instant bound : new Instant[]{AuditItemFormat.EARLIEST, AuditItemFormat.LATEST}) {
            assertThat(AuditItemFormat.timestamp(bound)).hasSize(AuditItemFormat.TIMESTAMP_LENGTH);
            assertThat(Instant.parse(AuditItemFormat.timestamp(bound))).isEqualTo(bound);
        }
    }

    private static String day(String instant) {
        return AuditItemFormat.dayPartitionKey(AuditItemFormat.dayOf(Instant.parse(instant)));
    }

    private static void assertKeys(JsonNode table, String partitionKey, String sortKey) {
        assertThat(table.path("partitionKey").asString()).isEqualTo(partitionKey);
        assertThat(table.path("sortKey").asString()).isEqualTo(sortKey);
    }

    private static void assertIndex(JsonNode table, String name, String partitionKey, String sortKey) {
        JsonNode index = null;
        for (JsonNode candidate : table.path("indexes")) {
            if (name.equals(candidate.path("name").asString())) {
                index = candidate;
            }
        }
        assertThat(index).as("index %s in infra/resources.json", name).isNotNull();
        assertKeys(index, partitionKey, sortKey);
    }
}
