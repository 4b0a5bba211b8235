package dev.cqrs.query.replica;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Function;

/**
 * Runs a read on a replica and reports which server ran it, either on a pooled connection ({@link #read}) or on a
 * brand-new one ({@link #readFresh}).
 * <p>
 * Why a second, unpooled way in: a query waiting for its consistency token must be able to leave a lagging replica.
 * The pool cannot give it that: it hands a thread back the connection it used last, so every re-read polls the same
 * replica for the whole wait. Evicting that connection does not help either: the next borrow takes another idle
 * pooled connection, quite possibly to the same replica, while the eviction churns the pool for every other request
 * ({@code softEvictConnections} even closes all of them). A new physical connection, in contrast, resolves the
 * weighted replica hostname again (the JVM's DNS cache is off, the record's TTL is 1 s), so each re-read is a new draw
 * between the replicas and a lagging one can only delay, not fail, the wait. It is the same URL, user and driver
 * settings as the pool (so never the primary), read-only, and closed right after the read. The cost, a connection
 * handshake per re-read, is paid only by queries that missed and is bounded by {@code queries.consistency-max-waiters}.
 */
@Component
public class ReplicaReads {

    /** A re-read races a deadline of a few seconds: an unreachable replica must fail fast, not stall it. */
    static final String FRESH_CONNECT_TIMEOUT_MS = "1000";

    private final JdbcClient pooled;
    private final TransactionTemplate readOnly;
    private final DataSource unpooled;

    ReplicaReads(JdbcClient jdbc, PlatformTransactionManager transactions, HikariDataSource pool) {
        this.pooled = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.unpooled = unpooled(pool);
    }

    /**
     * In a read-only transaction on a pooled connection. The transaction binds one connection for its whole length,
     * so {@code @@server_id} is read on the very connection that served the query.
     *
     * @param query runs its statements through the given client
     */
    public <T> Served<T> read(Function<JdbcClient, T> query) {
        return readOnly.execute(status -> serve(pooled, query));
    }

    /**
     * On a new physical connection, resolved anew through the replica hostname, closed afterwards.
     *
     * @param query runs its statements through the given client, all on that one connection
     * @throws CannotGetJdbcConnectionException when no connection could be opened
     */
    public <T> Served<T> readFresh(Function<JdbcClient, T> query) {
        try (Connection connection = unpooled.getConnection()) {
            connection.setReadOnly(true);
            // suppressClose: the client must not close it between its statements; try-with-resources does, at the end
            return serve(JdbcClient.create(new SingleConnectionDataSource(connection, true)), query);
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Could not open a new connection to a replica", e);
        }
    }

    private static <T> Served<T> serve(JdbcClient jdbc, Function<JdbcClient, T> query) {
        long serverId = jdbc.sql("SELECT @@server_id").query(Long.class).single();
        return new Served<>(query.apply(jdbc), serverId);
    }

    private static DataSource unpooled(HikariDataSource pool) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(pool.getJdbcUrl());
        Properties settings = new Properties();
        settings.putAll(pool.getDataSourceProperties());
        settings.putIfAbsent("connectTimeout", FRESH_CONNECT_TIMEOUT_MS);
        dataSource.setConnectionProperties(settings);
        dataSource.setUsername(pool.getUsername());
        dataSource.setPassword(pool.getPassword());
        return dataSource;
    }
}
