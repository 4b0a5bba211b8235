package dev.cqrs.query.replica;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnsOverrideSettingsTest {

    private static Optional<DnsOverrideSettings> from(Map<String, String> values) {
        return DnsOverrideSettings.from(values::get);
    }

    @Test
    void unsetMeansNoOverride() {
        assertThat(from(Map.of())).isEmpty();
        assertThat(from(Map.of("DNS_OVERRIDE_ZONE", " ", "DNS_OVERRIDE_SERVER", ""))).isEmpty();
    }

    @Test
    void readsZoneHostAndPort() {
        DnsOverrideSettings settings =
                from(Map.of("DNS_OVERRIDE_ZONE", "db.local", "DNS_OVERRIDE_SERVER", "127.0.0.1:5300")).orElseThrow();

        assertThat(settings.zone()).isEqualTo(new DnsZone("db.local"));
        assertThat(settings.serverHost()).isEqualTo("127.0.0.1");
        assertThat(settings.serverPort()).isEqualTo(5300);
    }

    @Test
    void defaultsToPort53AndAcceptsBracketedIpv6() {
        assertThat(from(Map.of("DNS_OVERRIDE_ZONE", "db.local", "DNS_OVERRIDE_SERVER", "dns.example")).orElseThrow()
                .serverPort()).isEqualTo(53);
        DnsOverrideSettings v6 =
                from(Map.of("DNS_OVERRIDE_ZONE", "db.local", "DNS_OVERRIDE_SERVER", "[::1]:5300")).orElseThrow();
        assertThat(v6.serverHost()).isEqualTo("::1");
        assertThat(v6.serverPort()).isEqualTo(5300);
    }

    @Test
    void oneWithoutTheOtherIsAMistake() {
        assertThatThrownBy(() -> from(Map.of("DNS_OVERRIDE_ZONE", "db.local")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("together");
        assertThatThrownBy(() -> from(Map.of("DNS_OVERRIDE_SERVER", "127.0.0.1:5300")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("together");
    }

    @Test
    void rejectsAServerThatIsNotHostColonPort() {
        assertThatThrownBy(() -> from(Map.of("DNS_OVERRIDE_ZONE", "db.local", "DNS_OVERRIDE_SERVER", "127.0.0.1:dns")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> from(Map.of("DNS_OVERRIDE_ZONE", "db.local", "DNS_OVERRIDE_SERVER", "host:53/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
