package dev.cqrs.query;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The local stack's settings, as {@code infra/local/stack env} exports them, for tests that talk to it directly. */
public final class LocalStack {

    private LocalStack() {
    }

    public static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with the local stack's environment, "
                    + "eval \"$(infra/local/stack env)\"");
        }
        return value;
    }

    /** A fresh physical connection as the query service's user, through the replica hostname. */
    public static Connection replicaHostnameConnection() throws SQLException {
        return DriverManager.getConnection(env("QUERY_DB_URL"), env("QUERY_DB_USER"), env("QUERY_DB_PASSWORD"));
    }

    /** Test-only admin connection to read_db on the primary, e.g. to seed the read model as the projector would. */
    public static Connection primaryReadDb() throws SQLException {
        return DriverManager.getConnection(readDbUrl(env("PRIMARY_ROOT_URL")), env("DB_ROOT_USER"),
                env("DB_ROOT_PASSWORD"));
    }

    /** Test-only admin connection to read_db on one replica (REPLICA1_URL or REPLICA2_URL). */
    public static Connection replicaReadDb(String urlVariable) throws SQLException {
        return DriverManager.getConnection(readDbUrl(env(urlVariable)), env("DB_ROOT_USER"), env("DB_ROOT_PASSWORD"));
    }

    /** The root URLs name no database ({@code jdbc:mysql://host:port/}); read_db is appended. */
    public static String readDbUrl(String rootUrl) {
        return (rootUrl.endsWith("/") ? rootUrl : rootUrl + "/") + "read_db";
    }
}
