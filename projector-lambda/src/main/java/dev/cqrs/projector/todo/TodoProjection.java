package dev.cqrs.projector.todo;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.projector.projection.Projection;
import dev.cqrs.projector.projection.RetryLaterException;
import dev.cqrs.projector.projection.VersionGapException;
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

/**
 * Builds {@code read_db.todo_view} on the primary; query-service reads it from the replicas.
 * <p>
 * Version rule: an event applies only as the NEXT version of its todo (stored version + 1; TodoCreated is version 1
 * of a todo with no row). A duplicate or older event is a no-op; a later one ({@link VersionGapException}) follows the
 * missing one into the dead-letter queue, so a dead-lettered event is never skipped over and a consistency token is
 * never answered with a row that misses an event.
 */
public final class TodoProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(TodoProjection.class);

    /**
     * The first version of a todo. A duplicate key means the row exists already, so this event (version 1) is a
     * duplicate: {@code id = id} leaves every column as it was, and affected rows say so (0). INSERT IGNORE was not
     * used because it would also turn real errors (a too long title) into silent truncation.
     */
    static final String INSERT = """
            INSERT INTO todo_view (id, title, description, completed, created_at, updated_at, version, last_event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE id = id
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
    public Outcome apply(EventEnvelope event) {
        if (event.payload() instanceof TodoCreated) {
            return insert(TodoViewRow.created(event));
        }
        return update(TodoChange.of(event));
    }

    /**
     * Applies a change to the row at exactly the previous version. If nothing matched, the row is read: at this
     * version or newer means a duplicate (done); more than one version behind (or missing) means an earlier event left
     * through the dead-letter queue ({@link VersionGapException}); exactly one behind means it changed between the
     * update and the read (a concurrent delivery), so this one is retried.
     */
    private Outcome update(TodoChange change) {
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
            statement.setLong(index, change.version() - 1);
            // The version always changes when the gate matches, so affected rows (useAffectedRows) is 1 or 0.
            if (statement.executeUpdate() == 1) {
                log.info("todo {} v{} (event {}): applied {}", change.todoId(), change.version(), change.eventId(),
                        change.columns().keySet());
                return Outcome.APPLIED;
            }
            long stored = storedVersion(connection, change.todoId());
            if (stored >= change.version()) {
                log.info("todo {} v{} (event {}): skipped, the read model is at v{}", change.todoId(),
                        change.version(), change.eventId(), stored);
                return Outcome.DUPLICATE;
            }
            String state = "todo " + change.todoId() + " is at v" + stored + " in todo_view; v" + change.version()
                    + " (event " + change.eventId() + ")";
            if (stored < change.version() - 1) {
                throw new VersionGapException(state + " follows v" + (stored + 1) + " into the dead-letter queue");
            }
            throw new RetryLaterException(state + " met a concurrent change; it will be retried");
        } catch (SQLException e) {
            throw translate(e, change.todoId());
        }
    }

    /** The stored version, 0 if the todo has no row yet. */
    private static long storedVersion(Connection connection, String todoId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT version FROM todo_view WHERE id = ?")) {
            statement.setString(1, todoId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private Outcome insert(TodoViewRow row) {
        if (row.version() != 1) {
            throw new InvalidEventException("TodoCreated " + row.id() + " has version " + row.version()
                    + "; a todo starts at version 1");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT)) {
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
            // Affected rows (useAffectedRows=true): 1 inserted, 0 the row was there already.
            int affected = statement.executeUpdate();
            log.info("todo {} v{} (event {}): {}", row.id(), row.version(), row.lastEventId(),
                    affected == 0 ? "skipped, the read model has it already" : "applied");
            return affected == 0 ? Outcome.DUPLICATE : Outcome.APPLIED;
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
