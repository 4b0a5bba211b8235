package dev.cqrs.query.replica;

import com.zaxxer.hikari.HikariDataSource;
import dev.cqrs.contracts.observability.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gauge {@code replica.lag{replica=<host:port>}} (seconds, {@link MetricNames#REPLICA_LAG}): per replica of
 * {@code replica-lag.hosts}, {@code Seconds_Behind_Master} (MySQL: {@code Seconds_Behind_Source}) from {@code SHOW REPLICA STATUS}, read on a
 * short-lived connection to that one replica when the gauge is scraped.
 * <p>
 * Why here and like this: the replicas are this service's own data source, so their lag is its to report (no
 * service reads another's database for the pipeline page), and the weighted hostname reaches one replica at random,
 * so each replica gets its own connection: the pool's URL with the host swapped, the same user and driver settings.
 * {@code SHOW REPLICA STATUS} needs the {@code REPLICA MONITOR} privilege, which the local stack grants the query
 * user (MariaDB only); without it, or with the replica down or replication stopped, the gauge is NaN. The value is
 * whole seconds and measures the SQL thread against the events it has received; in AWS RDS reports the same per
 * replica as CloudWatch {@code ReplicaLag}, and {@code replica-lag.hosts} is empty (no gauge).
 */
@Component
class ReplicaLagMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaLagMetrics.class);
    /** A scrape must not hang on a replica that does not answer. */
    static final int TIMEOUT_MS = 1000;
    private static final Pattern JDBC_HOST = Pattern.compile("^(jdbc:[a-z]+://)([^/:?]+)(:\\d+)?(.*)$");

    ReplicaLagMetrics(MeterRegistry registry, HikariDataSource pool,
                      @Value("${replica-lag.hosts:}") List<String> hosts) {
        Properties settings = new Properties();
        settings.putAll(pool.getDataSourceProperties());
        settings.setProperty("user", pool.getUsername());
        settings.setProperty("password", pool.getPassword());
        settings.setProperty("connectTimeout", Integer.toString(TIMEOUT_MS));
        settings.setProperty("socketTimeout", Integer.toString(2 * TIMEOUT_MS));
        for (String host : hosts) {
            if (host.isBlank()) {
                continue;
            }
            String url = withHost(pool.getJdbcUrl(), host.strip());
            Gauge.builder(MetricNames.REPLICA_LAG, () -> secondsBehind(url, settings))
                    .baseUnit("seconds")
                    .description("Seconds_Behind_Master of one replica (NaN: unknown)")
                    .tag(MetricNames.TAG_REPLICA, replicaName(url))
                    .register(registry);
        }
    }

    /**
     * The JDBC URL with its host (and port, when {@code host} names one) replaced.
     *
     * @throws IllegalArgumentException for a URL that is not {@code jdbc:<driver>://host[:port]/...}
     */
    static String withHost(String jdbcUrl, String host) {
        Matcher url = JDBC_HOST.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a jdbc:<driver>://host[:port]/… URL: " + jdbcUrl);
        }
        String port = host.contains(":") || url.group(3) == null ? "" : url.group(3);
        return url.group(1) + host + port + url.group(4);
    }

    /** {@code host:port} of a URL {@link #withHost} made: the gauge's tag. */
    static String replicaName(String jdbcUrl) {
        Matcher url = JDBC_HOST.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a jdbc:<driver>://host[:port]/… URL: " + jdbcUrl);
        }
        return url.group(2) + (url.group(3) == null ? "" : url.group(3));
    }

    /** MariaDB calls it Seconds_Behind_Master; MySQL 8.0.22 and later (compose, RDS) Seconds_Behind_Source. */
    private static String secondsBehindColumn(ResultSet status) throws SQLException {
        var columns = status.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            if (columns.getColumnLabel(i).equalsIgnoreCase("Seconds_Behind_Source")) {
                return "Seconds_Behind_Source";
            }
        }
        return "Seconds_Behind_Master";
    }

    private static double secondsBehind(String url, Properties settings) {
        try (Connection connection = DriverManager.getConnection(url, settings);
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet status = statement.executeQuery("SHOW REPLICA STATUS")) {
                if (!status.next()) {
                    return Double.NaN; // not a replica
                }
                long seconds = status.getLong(secondsBehindColumn(status));
                return status.wasNull() ? Double.NaN : seconds; // NULL: replication not running
            }
        } catch (SQLException e) {
            LOG.debug("Replica lag of {} not readable: {}", url, e.getMessage());
            return Double.NaN;
        }
    }
}
