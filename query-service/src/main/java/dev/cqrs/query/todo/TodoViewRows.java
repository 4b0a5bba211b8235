package dev.cqrs.query.todo;

import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reads {@code todo_view} rows; the projector stores DATETIME(6) in UTC. */
final class TodoViewRows {

    static final String COLUMNS = "id, title, description, completed, created_at, updated_at, version";

    static final RowMapper<TodoView> MAPPER = TodoViewRows::map;

    /** With the tombstone flag, for the single-todo read. */
    static final RowMapper<TodoRow> ROW_MAPPER = (rs, row) -> new TodoRow(map(rs, row), rs.getBoolean("deleted"));

    private TodoViewRows() {
    }

    private static TodoView map(ResultSet rs, int row) throws SQLException {
        return new TodoView(rs.getString("id"), rs.getString("title"), rs.getString("description"),
                rs.getBoolean("completed"), utc(rs, "created_at"), utc(rs, "updated_at"), rs.getLong("version"));
    }

    /** As LocalDateTime, so no time-zone conversion can touch the microseconds; then pinned to UTC. */
    private static Instant utc(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime toColumn(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
