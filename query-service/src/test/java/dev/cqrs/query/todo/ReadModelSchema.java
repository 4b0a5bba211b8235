package dev.cqrs.query.todo;

import dev.cqrs.query.StackEnv;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * read_db's schema belongs to projector-lambda's Flyway. The reactor builds the projector first, so its tests have
 * normally migrated the local stack already; should this module's tests run alone, or before a running projector has
 * applied a newer migration (e.g. the tombstone column), they apply the projector's own migration files: same
 * scripts, same history table, so Flyway applies only what is missing and the projector later sees it as applied.
 */
final class ReadModelSchema {

    private static final Path MIGRATIONS = Path.of("../projector-lambda/src/main/resources/db/readmodel");

    private ReadModelSchema() {
    }

    static synchronized void ensureMigrated() {
        if (!Files.isDirectory(MIGRATIONS)) {
            throw new IllegalStateException("projector-lambda's migrations not found at " + MIGRATIONS.toAbsolutePath());
        }
        Flyway.configure()
                .dataSource(StackEnv.readDbUrl(StackEnv.require("PRIMARY_ROOT_URL")), StackEnv.require("DB_ROOT_USER"),
                        StackEnv.require("DB_ROOT_PASSWORD"))
                .locations("filesystem:" + MIGRATIONS)
                .load()
                .migrate();
    }
}
