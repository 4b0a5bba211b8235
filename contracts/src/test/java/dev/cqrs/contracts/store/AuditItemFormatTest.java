package dev.cqrs.contracts.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditItemFormatTest {

    @Test
    void timestampsHaveAFixedWidthSoStringOrderIsTimeOrder() {
        assertThat(AuditItemFormat.timestamp(Instant.parse("2026-11-21T19:30:00Z")))
                .isEqualTo("2026-11-21T19:30:00.000000Z");
        assertThat(AuditItemFormat.timestamp(Instant.parse("2026-11-21T19:30:00.5Z")))
                .isEqualTo("2026-11-21T19:30:00.500000Z");
        assertThat(AuditItemFormat.timestamp(Instant.parse("2026-11-21T19:30:00.123456789Z")))
                .as("truncated to micros").isEqualTo("2026-11-21T19:30:00.123456Z");
        for (Instant bound : new Instant[]{AuditItemFormat.EARLIEST, AuditItemFormat.LATEST}) {
            assertThat(AuditItemFormat.timestamp(bound)).hasSize(AuditItemFormat.TIMESTAMP_LENGTH);
            assertThat(Instant.parse(AuditItemFormat.timestamp(bound))).isEqualTo(bound);
        }
    }

    @Test
    void keysAsInTheConventions() {
        UUID id = UUID.fromString("5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f");
        Instant at = Instant.parse("2026-11-21T23:59:59.999999Z");
        assertThat(AuditItemFormat.partitionKey("todo", "t-1")).isEqualTo("todo#t-1");
        assertThat(AuditItemFormat.sortKey(at, id)).isEqualTo("2026-11-21T23:59:59.999999Z#" + id);
        assertThat(AuditItemFormat.dayPartitionKey(AuditItemFormat.dayOf(at))).isEqualTo("DAY#2026-11-21");
        assertThat(AuditItemFormat.dayOf(Instant.parse("2026-11-22T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void holdsOnlyFourDigitYears() {
        assertThat(AuditItemFormat.holds(AuditItemFormat.EARLIEST)).isTrue();
        assertThat(AuditItemFormat.holds(AuditItemFormat.LATEST)).isTrue();
        assertThat(AuditItemFormat.holds(AuditItemFormat.EARLIEST.minusNanos(1))).isFalse();
        assertThat(AuditItemFormat.holds(AuditItemFormat.LATEST.plusNanos(1000))).isFalse();
    }
}
