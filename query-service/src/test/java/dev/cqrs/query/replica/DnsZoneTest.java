package dev.cqrs.query.replica;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnsZoneTest {

    private final DnsZone zone = new DnsZone("db.local");

    @Test
    void containsTheApexAndNamesBelowIt() {
        assertThat(zone.contains("db.local")).isTrue();
        assertThat(zone.contains("replicas.db.local")).isTrue();
        assertThat(zone.contains("a.b.db.local")).isTrue();
    }

    @Test
    void ignoresCaseAndTheTrailingRootDot() {
        assertThat(zone.contains("Replicas.DB.Local.")).isTrue();
        assertThat(new DnsZone("DB.local.").contains("replicas.db.local")).isTrue();
    }

    @Test
    void doesNotContainNamesThatMerelyEndTheSame() {
        assertThat(zone.contains("otherdb.local")).isFalse();
        assertThat(zone.contains("db.local.example.com")).isFalse();
        assertThat(zone.contains("local")).isFalse();
        assertThat(zone.contains("localhost")).isFalse();
        assertThat(zone.contains(null)).isFalse();
    }

    @Test
    void rejectsAnEmptyZone() {
        assertThatThrownBy(() -> new DnsZone(" . ")).isInstanceOf(IllegalArgumentException.class);
    }
}
