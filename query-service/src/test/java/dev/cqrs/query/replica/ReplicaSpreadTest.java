package dev.cqrs.query.replica;

import dev.cqrs.query.StackEnv;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test against the local stack's PowerDNS and MariaDB replicas: the replica hostname, resolved through
 * {@link ZoneDnsResolverProvider} with the JVM's DNS cache off, spreads new connections over both replicas.
 */
class ReplicaSpreadTest {

    private static final int CONNECTIONS = 200;
    /**
     * With equal weights each connection is a fair coin flip: P(one replica gets fewer than 50 of 200) is about
     * 1e-12, so a failure means the weights are not applied (e.g. a cached answer), not bad luck.
     */
    private static final int MIN_SHARE = 50;

    @Test
    void freshConnectionsToTheReplicaHostnameReachBothReplicasAndNeverThePrimary() throws Exception {
        Map<Long, Integer> servedBy = new HashMap<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            try (Connection connection = StackEnv.replicaHostnameConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT @@server_id")) {
                rs.next();
                servedBy.merge(rs.getLong(1), 1, Integer::sum);
            }
        }
        System.out.println("ReplicaSpreadTest: " + CONNECTIONS + " fresh connections per server id: " + servedBy);

        assertThat(servedBy.keySet()).as("server ids seen, with counts %s", servedBy).containsExactlyInAnyOrder(2L, 3L);
        assertThat(servedBy.values()).as("connections per replica %s", servedBy).allMatch(n -> n >= MIN_SHARE);
    }

    @Test
    void theJdkResolvesTheReplicaHostnameThroughTheConfiguredDnsServer() throws Exception {
        String host = hostOf("QUERY_DB_URL");
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                answers.merge(address.getHostAddress(), 1, Integer::sum);
            }
        }

        assertThat(answers.keySet()).as("answers %s", answers)
                .containsExactlyInAnyOrder(hostOf("REPLICA1_URL"), hostOf("REPLICA2_URL"));
    }

    private static String hostOf(String jdbcUrlVariable) {
        return URI.create(StackEnv.require(jdbcUrlVariable).substring("jdbc:".length())).getHost();
    }

    @Test
    void namesOutsideTheZoneStillResolveAsUsual() throws Exception {
        assertThat(Arrays.stream(InetAddress.getAllByName("localhost")).allMatch(InetAddress::isLoopbackAddress))
                .isTrue();
        assertThat(Set.of(InetAddress.getAllByName("127.0.0.1"))).hasSize(1);
    }
}
