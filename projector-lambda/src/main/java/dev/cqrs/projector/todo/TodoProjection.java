package dev.cqrs.projector.todo;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.projector.Projection;
import dev.cqrs.projector.RetryLaterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
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
        Set<Class<? extends DomainEvent>> types = new HashSet<>(TodoChange.EVENT_TYPES);
        types.add(TodoCreated.class);
        return Set.copyOf(types);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof TodoCreated) {
            upsert(TodoViewRow.created(event));
        } else {
            update(TodoChange.of(event));
        }
    }

    /**
     * Applies a change to an existing row, only if the row is older than the event. If nothing matched, either the
     * row is already at this or a newer version (a duplicate: done) or it does not exist yet: the event overtook its
     * TodoCreated (FIFO groups should prevent that, but losing the change would be silent), so it is retried.
     */
    private void update(TodoChange change) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(change.sql())) {
            int index = 1;
            for (Object value : change.columns().values()) {
                if (value == null) {
                    statement.setNull(index++, Types.VARCHAR);
                } else {
                    statement.setObject(index++, value);
                }
            }
            statement.setObject(index++, utc(change.updatedAt()));
            statement.setLong(index++, change.version());
            statement.setString(index++, change.eventId().toString());
            statement.setString(index++, change.todoId());
            statement.setLong(index, change.version());
            // The version always changes when the gate matches, so affected rows (useAffectedRows) is 1 or 0.
            if (statement.executeUpdate() == 1) {
                log.info("todo {} v{} (event {}): applied {}", change.todoId(), change.version(), change.eventId(),
                        change.columns().keySet());
            } else if (exists(connection, change.todoId())) {
                log.info("todo {} v{} (event {}): skipped, read model already has this or a newer version",
                        change.todoId(), change.version(), change.eventId());
            } else {
                throw new RetryLaterException("todo " + change.todoId() + " is not in todo_view yet; v"
                        + change.version() + " (event " + change.eventId() + ") will be retried");
            }
        } catch (SQLException e) {
            throw translate(e, change.todoId());
        }
    }

    private static boolean exists(Connection connection, String todoId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM todo_view WHERE id = ?")) {
            statement.setString(1, todoId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
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
            throw translate(e, row.id());
        }
    }

    private static RuntimeException translate(SQLException e, String todoId) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
            // SQL "data exception" (e.g. a title longer than the column): the same row fails on every retry.
            return new InvalidEventException("todo_view rejected todo " + todoId + ": " + e.getMessage(), e);
        }
        return new IllegalStateException("could not write todo " + todoId + " to todo_view", e);
    }

    /**
     * DATETIME(6) holds the UTC wall-clock time; a LocalDateTime is sent as-is by the driver. Truncated to microseconds
     * (the events' precision) so the server never rounds: MySQL rounds extra digits, MariaDB truncates.
     */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
