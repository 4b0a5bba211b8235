package dev.cqrs.query.replica;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each replica's own URL: the pool's URL (weighted hostname) with the host swapped, settings kept. */
class ReplicaLagMetricsTest {

    @Test
    void swapsTheHostAndKeepsPortDatabaseAndSettings() {
        String url = ReplicaLagMetrics.withHost("jdbc:mysql://replicas.db.local:3316/read_db?sslMode=DISABLED",
                "127.0.0.12");
        assertThat(url).isEqualTo("jdbc:mysql://127.0.0.12:3316/read_db?sslMode=DISABLED");
        assertThat(ReplicaLagMetrics.replicaName(url)).isEqualTo("127.0.0.12:3316");
        assertThat(ReplicaLagMetrics.withHost("jdbc:mysql://replicas.db.local:3316/read_db", "10.0.0.5:3307"))
                .isEqualTo("jdbc:mysql://10.0.0.5:3307/read_db");
        assertThat(ReplicaLagMetrics.withHost("jdbc:mysql://replicas/read_db", "r2")).isEqualTo("jdbc:mysql://r2/read_db");
    }

    @Test
    void refusesAUrlWithoutHost() {
        assertThatThrownBy(() -> ReplicaLagMetrics.withHost("jdbc:h2:mem:x", "h"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
