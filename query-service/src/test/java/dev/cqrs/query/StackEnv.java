package dev.cqrs.query;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The local stack as tests reach it directly: its settings, as {@code infra/local/stack env} prints them, and
 * connections to its databases. Each test module has its own {@code StackEnv} (projector-lambda, query-service,
 * e2e-tests): modules share no test code, and a shared test module for these few lines would cost more than it saves.
 */
public final class StackEnv {

    private StackEnv() {
    }

    /** A setting of the local stack; the tests fail without it. */
    public static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: start the stack and run "
                    + "eval \"$(infra/local/stack env)\" before the tests (bin/test does both)");
        }
        return value;
    }

    /** A fresh physical connection as the query service's user, through the replica hostname. */
    public static Connection replicaHostnameConnection() throws SQLException {
        return DriverManager.getConnection(require("QUERY_DB_URL"), require("QUERY_DB_USER"), require("QUERY_DB_PASSWORD"));
    }

    /** Test-only admin connection to read_db on the primary, e.g. to seed the read model as the projector would. */
    public static Connection primaryReadDb() throws SQLException {
        return DriverManager.getConnection(readDbUrl(require("PRIMARY_ROOT_URL")), require("DB_ROOT_USER"),
                require("DB_ROOT_PASSWORD"));
    }

    /** Test-only admin connection to read_db on one replica (REPLICA1_URL or REPLICA2_URL). */
    public static Connection replicaReadDb(String urlVariable) throws SQLException {
        return DriverManager.getConnection(readDbUrl(require(urlVariable)), require("DB_ROOT_USER"), require("DB_ROOT_PASSWORD"));
    }

    /** The root URLs name no database ({@code jdbc:mysql://host:port/}); read_db is appended. */
    public static String readDbUrl(String rootUrl) {
        return (rootUrl.endsWith("/") ? rootUrl : rootUrl + "/") + "read_db";
    }
}
