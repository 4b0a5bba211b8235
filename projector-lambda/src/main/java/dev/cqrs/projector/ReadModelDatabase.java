package dev.cqrs.projector;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** The read database on the primary: a small pool, and the schema migrations this module owns. */
final class ReadModelDatabase {

    /** Classpath location of the read-model migrations (query-service's tests apply the same files). */
    static final String MIGRATIONS = "classpath:db/readmodel";

    private ReadModelDatabase() {
    }

    /**
     * A pool of two: one Lambda container handles one batch at a time, the second connection only covers a stale one
     * being replaced after the container was frozen.
     */
    static HikariDataSource connect(String jdbcUrl, ProjectorCredentials.Login login) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("read-db");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(login.user());
        config.setPassword(login.password());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        // Shorter than the server's wait_timeout, and a frozen Lambda container may come back after a long while.
        config.setMaxLifetime(300_000);
        config.setKeepaliveTime(60_000);
        config.setIdleTimeout(120_000);
        // UTC session: DATETIME(6) holds the UTC wall-clock time of an instant, and the driver converts nothing.
        // '+00:00' rather than 'UTC' works even where the server has no time-zone tables loaded.
        config.setConnectionInitSql("SET time_zone = '+00:00'");
        config.addDataSourceProperty("connectionTimeZone", "UTC");
        // Report rows actually changed (0 when an insert or update changed nothing), so logs can tell applied from skipped.
        config.addDataSourceProperty("useAffectedRows", "true");
        config.addDataSourceProperty("cachePrepStmts", "true");
        return new HikariDataSource(config);
    }

    /**
     * Brings read_db's schema up to date as the migration user (DDL), on connections of its own that Flyway closes
     * when done, so the pool never holds a login that can change the schema. Flyway's lock makes concurrent cold
     * starts safe.
     */
    static void migrate(String jdbcUrl, ProjectorCredentials.Login migration) {
        Flyway.configure()
                .dataSource(jdbcUrl, migration.user(), migration.password())
                .locations(MIGRATIONS)
                .load()
                .migrate();
    }
}
