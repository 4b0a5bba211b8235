package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventJson;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
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

class AuditKeysTest {

    private static final UUID EVENT_ID = UUID.fromString("0b4c7c1e-5f0e-4c4e-9d59-3c2f1f6f9a10");

    @Test
    void dayPartitionKeyIsTheUtcDayOfTheInstant() {
        assertThat(AuditKeys.dayPartitionKey(Instant.parse("2026-11-21T19:30:00.123456Z"))).isEqualTo("DAY#2026-11-21");
        assertThat(AuditKeys.dayPartitionKey(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("DAY#2026-01-02");
    }

    /** The bucket is the UTC day whatever the JVM's zone: the last nanosecond of a day and midnight after it differ. */
    @Test
    void dayBucketsChangeAtUtcMidnight() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14
            assertThat(AuditKeys.dayPartitionKey(Instant.parse("2026-12-31T23:59:59.999999999Z")))
                    .isEqualTo("DAY#2026-12-31");
            assertThat(AuditKeys.dayPartitionKey(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("DAY#2027-01-01");
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void daySortKeyIsTheItemSortKey() {
        Instant at = Instant.parse("2026-11-21T19:30:00.5Z");
        assertThat(AuditKeys.daySortKey(at, EVENT_ID)).isEqualTo(AuditKeys.sortKey(at, EVENT_ID))
                .isEqualTo("2026-11-21T19:30:00.500000Z#" + EVENT_ID);
    }

    /** The index the items are written for is the one the provisioners create (infra/resources.json). */
    @Test
    void theDayIndexAndItsKeysAreTheOnesInResourcesJson() throws Exception {
        JsonNode audit = EventJson.tree(Files.readString(Path.of("..", "infra", "resources.json")))
                .path("tables").path("audit");
        JsonNode index = null;
        for (JsonNode candidate : audit.path("indexes")) {
            if (AuditKeys.DAY_INDEX.equals(candidate.path("name").asString())) {
                index = candidate;
            }
        }
        assertThat(index).as("index %s of the audit table in infra/resources.json", AuditKeys.DAY_INDEX).isNotNull();

        TableMetadata metadata = TableSchema.fromBean(AuditRecord.class).tableMetadata();
        assertThat(metadata.indexPartitionKey(AuditKeys.DAY_INDEX)).isEqualTo(index.path("partitionKey").asString());
        assertThat(metadata.indexSortKey(AuditKeys.DAY_INDEX)).contains(index.path("sortKey").asString());
        assertThat(metadata.primaryPartitionKey()).isEqualTo(audit.path("partitionKey").asString());
        assertThat(metadata.primarySortKey()).contains(audit.path("sortKey").asString());
    }

    @Test
    void partitionKeyIsEntityTypeAndIdJoinedByHash() {
        assertThat(AuditKeys.partitionKey("todo", "42")).isEqualTo("todo#42");
    }

    @Test
    void timestampWithoutFractionGetsSixZeroDigits() {
        assertThat(AuditKeys.timestamp(Instant.parse("2026-11-21T19:30:00Z")))
                .isEqualTo("2026-11-21T19:30:00.000000Z");
    }

    @Test
    void timestampWithNanosecondsIsTruncatedToMicroseconds() {
        assertThat(AuditKeys.timestamp(Instant.parse("2026-11-21T19:30:00.123456789Z")))
                .isEqualTo("2026-11-21T19:30:00.123456Z");
    }

    @Test
    void timestampWithFewerDigitsIsPaddedToSix() {
        assertThat(AuditKeys.timestamp(Instant.parse("2026-01-02T03:04:05.5Z")))
                .isEqualTo("2026-01-02T03:04:05.500000Z");
    }

    @Test
    void timestampIsUtcWhateverTheInputOffset() {
        assertThat(AuditKeys.timestamp(Instant.parse("2026-11-21T20:30:00.000001+01:00")))
                .isEqualTo("2026-11-21T19:30:00.000001Z");
    }

    @Test
    void sortKeyIsTimestampThenEventId() {
        assertThat(AuditKeys.sortKey(Instant.parse("2026-11-21T19:30:00.123456Z"), EVENT_ID))
                .isEqualTo("2026-11-21T19:30:00.123456Z#0b4c7c1e-5f0e-4c4e-9d59-3c2f1f6f9a10");
    }

    @Test
    void sortKeysHaveOneWidthWhateverTheFraction() {
        assertThat(List.of("2026-11-21T19:30:00Z", "2026-11-21T19:30:00.1Z", "2026-11-21T19:30:00.123456789Z"))
                .extracting(text -> AuditKeys.sortKey(Instant.parse(text), EVENT_ID).length())
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
                .sorted(Comparator.comparing(instant -> AuditKeys.sortKey(instant, EVENT_ID)))
                .toList();

        assertThat(byKey).containsExactlyElementsOf(instants);
    }

    @Test
    void sameInstantOrdersByEventIdAndStaysUnique() {
        Instant at = Instant.parse("2026-11-21T19:30:00Z");
        UUID other = UUID.fromString("ffffffff-0000-0000-0000-000000000000");

        assertThat(AuditKeys.sortKey(at, EVENT_ID)).isLessThan(AuditKeys.sortKey(at, other));
    }
}
