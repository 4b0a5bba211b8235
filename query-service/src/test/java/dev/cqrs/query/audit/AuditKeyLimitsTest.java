package dev.cqrs.query.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditKeyLimitsTest {

    private static final String EVENT = "#0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f";

    @Test
    void aBoundSortsBelowItemsAtOrAfterItsInstantAndAboveItemsBefore() {
        String bound = AuditKeyLimits.bound(Instant.parse("2026-11-21T19:30:00.123456Z"));

        assertThat(bound).isEqualTo("2026-11-21T19:30:00.123456Z");
        assertThat("2026-11-21T19:30:00.123456Z" + EVENT).isGreaterThan(bound);
        assertThat("2026-11-21T19:30:00.123455Z" + EVENT).isLessThan(bound);
    }

    @Test
    void aBoundBetweenTwoMicrosecondsRoundsUpSoTheEarlierOneStaysOut() {
        String bound = AuditKeyLimits.bound(Instant.parse("2026-11-21T19:30:00.1234561Z"));

        assertThat(bound).isEqualTo("2026-11-21T19:30:00.123457Z");
        assertThat("2026-11-21T19:30:00.123456Z" + EVENT).isLessThan(bound);
    }
}
