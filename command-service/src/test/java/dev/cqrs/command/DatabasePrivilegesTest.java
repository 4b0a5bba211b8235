package dev.cqrs.command;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Least privilege on the real command_db (infra/sql/users-and-grants.sql): the service's own connection pool, the
 * one every request and the relay use, holds the runtime user (COMMAND_DB_USER), which may read and write rows but
 * not change the schema; only the migration user (COMMAND_DB_MIGRATION_USER, Flyway's) can.
 */
@SpringBootTest(properties = "outbox.relay.enabled=false")
class DatabasePrivilegesTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theServiceServesWithTheRuntimeUserNotTheMigrationUser() throws SQLException {
        String runtime = System.getenv("COMMAND_DB_USER");
        assertThat(runtime).isNotBlank().isNotEqualTo(System.getenv("COMMAND_DB_MIGRATION_USER"));
        assertThat(dataSource.unwrap(HikariDataSource.class).getUsername()).isEqualTo(runtime);
        assertThat(jdbc.sql("SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1)").query(String.class).single())
                .isEqualTo(runtime);
    }

    /**
     * Every statement targets a scratch table the migration user creates for the test (never the service's tables),
     * so a wrong grant fails this test instead of damaging the shared database.
     */
    @Test
    void theRuntimeUserCannotChangeTheSchema() throws SQLException {
        String scratch = "privileges_probe_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection migrator = DriverManager.getConnection(System.getenv("COMMAND_DB_URL"),
                System.getenv("COMMAND_DB_MIGRATION_USER"), System.getenv("COMMAND_DB_MIGRATION_PASSWORD"));
             Statement ddl = migrator.createStatement()) {
            // the migration user can: that is what Flyway runs as
            ddl.execute("CREATE TABLE " + scratch + " (id INT PRIMARY KEY, note VARCHAR(20))");
            try {
                for (String statement : List.of(
                        "CREATE TABLE " + scratch + "_x (id INT PRIMARY KEY)",
                        "ALTER TABLE " + scratch + " ADD COLUMN extra INT",
                        "CREATE INDEX " + scratch + "_note ON " + scratch + " (note)",
                        "TRUNCATE TABLE " + scratch,
                        "DROP TABLE " + scratch,
                        "CREATE DATABASE " + scratch,
                        "GRANT SELECT ON command_db." + scratch + " TO CURRENT_USER()")) {
                    // the server's own refusal (e.g. "CREATE command denied to user"), not any other failure
                    assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement)
                            .isInstanceOf(DataAccessException.class)
                            .rootCause().isInstanceOf(SQLException.class)
                            .hasMessageMatching("(?is).*(denied|not allowed).*");
                }
                // rows, yes
                assertThat(jdbc.sql("INSERT INTO " + scratch + " (id, note) VALUES (1, 'rows only')").update())
                        .isEqualTo(1);
            } finally {
                ddl.execute("DROP TABLE IF EXISTS " + scratch);
                ddl.execute("DROP TABLE IF EXISTS " + scratch + "_x");
            }
        }
    }
}
