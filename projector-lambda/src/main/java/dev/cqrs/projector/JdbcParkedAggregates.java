package dev.cqrs.projector;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** {@link ParkedAggregates} in {@code read_db.parked_aggregate} on the primary (migration V3). */
final class JdbcParkedAggregates implements ParkedAggregates {

    private final DataSource dataSource;

    JdbcParkedAggregates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean isParked(String messageGroupId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM parked_aggregate WHERE message_group_id = ?")) {
            statement.setString(1, messageGroupId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read parked_aggregate", e);
        }
    }

    @Override
    public void park(String messageGroupId, String messageId, String reason) {
        String bounded = reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO parked_aggregate (message_group_id, parked_at, first_message_id, reason)
                     VALUES (?, ?, ?, ?)
                     ON DUPLICATE KEY UPDATE message_group_id = message_group_id""")) {
            statement.setString(1, messageGroupId);
            statement.setObject(2, LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
            statement.setString(3, messageId);
            statement.setString(4, bounded);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not park message group " + messageGroupId, e);
        }
    }

    @Override
    public void release(Collection<String> messageGroupIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "DELETE FROM parked_aggregate WHERE message_group_id = ?")) {
            for (String group : messageGroupIds) {
                statement.setString(1, group);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release parked message groups", e);
        }
    }
}
