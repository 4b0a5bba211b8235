package dev.cqrs.projector.todo;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.projector.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Builds {@code read_db.todo_view} on the primary; query-service reads it from the replicas. */
public final class TodoProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(TodoProjection.class);

    /**
     * Insert, or overwrite only with a newer aggregate version. One statement, so there is no window between a check
     * and a write, and a duplicate or an older event leaves every column as it was (including updated_at and
     * last_event_id). {@code version} is assigned last on purpose: MySQL/MariaDB evaluate the assignments left to right,
     * so every IF before it still compares with the stored version. INSERT IGNORE was not used because it would also
     * turn real errors (a too long title) into silent truncation. VALUES() rather than MySQL 8's row alias because
     * MariaDB only knows VALUES().
     */
    static final String UPSERT = """
            INSERT INTO todo_view (id, title, description, completed, created_at, updated_at, version, last_event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
                title         = IF(VALUES(version) > version, VALUES(title), title),
                description   = IF(VALUES(version) > version, VALUES(description), description),
                completed     = IF(VALUES(version) > version, VALUES(completed), completed),
                created_at    = IF(VALUES(version) > version, VALUES(created_at), created_at),
                updated_at    = IF(VALUES(version) > version, VALUES(updated_at), updated_at),
                last_event_id = IF(VALUES(version) > version, VALUES(last_event_id), last_event_id),
                version       = GREATEST(version, VALUES(version))
            """;

    private final DataSource dataSource;

    public TodoProjection(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventTypes() {
        return Set.of(TodoCreated.class);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof TodoCreated) {
            upsert(TodoViewRow.created(event));
        }
    }

    private void upsert(TodoViewRow row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, row.id());
            statement.setString(2, row.title());
            if (row.description() == null) {
                statement.setNull(3, Types.VARCHAR);
            } else {
                statement.setString(3, row.description());
            }
            statement.setBoolean(4, row.completed());
            statement.setObject(5, utc(row.createdAt()));
            statement.setObject(6, utc(row.updatedAt()));
            statement.setLong(7, row.version());
            statement.setString(8, row.lastEventId().toString());
            // Affected rows (useAffectedRows=true): 1 inserted, 2 overwritten by a newer version, 0 unchanged.
            int affected = statement.executeUpdate();
            log.info("todo {} v{} (event {}): {}", row.id(), row.version(), row.lastEventId(),
                    affected == 0 ? "skipped, read model already has this or a newer version" : "applied");
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                // SQL "data exception" (e.g. a title longer than the column): the same row fails on every retry.
                throw new InvalidEventException("todo_view rejected todo " + row.id() + ": " + e.getMessage(), e);
            }
            throw new IllegalStateException("could not write todo " + row.id() + " to todo_view", e);
        }
    }

    /**
     * DATETIME(6) holds the UTC wall-clock time; a LocalDateTime is sent as-is by the driver. Truncated to microseconds
     * (the events' precision) so the server never rounds: MySQL rounds extra digits, MariaDB truncates.
     */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
