package dev.cqrs.command.outbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's claim must cost the batch it claims, not the size of the outbox: retention keeps published rows for
 * days, and a claim that walks them (the plan before V7: 118,529 rows read for one claim on the local stack) is paid on
 * every relay round. With thousands of published rows in the table, the real primary's optimizer must serve the claim
 * from ix_outbox_claimable as a ref on the two NULLs (read in id order, stopping at the batch), not from the PRIMARY
 * key or a scan.
 */
@SpringBootTest(properties = "outbox.relay.enabled=false")
class OutboxClaimCostTest {

    private static final int PUBLISHED_ROWS = 5_000;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbcTemplate;

    @AfterEach
    void removeProbeRows() {
        jdbcTemplate.update("DELETE FROM outbox WHERE aggregate_type = 'claim-cost'");
    }

    @Test
    void theClaimIsARefOnTheClaimableIndexHoweverManyPublishedRowsTheOutboxKeeps() throws Exception {
        appendPublished(PUBLISHED_ROWS);
        append("claim-cost-" + UUID.randomUUID(), 1, false);

        Map<String, String> plan = planOfTheClaimFor("o");

        assertThat(plan.get("key")).as("index of the claim, plan %s", plan).isEqualTo("ix_outbox_claimable");
        // MariaDB may print "ref|filter"
        assertThat(plan.get("type")).as("access type, plan %s", plan).startsWith("ref");
    }

    /** The EXPLAIN row of {@code table} for the relay's claim, with the relay's own batch size. */
    private Map<String, String> planOfTheClaimFor(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + OutboxRelay.CLAIM)) {
            Timestamp now = Timestamp.from(Instant.now());
            explain.setTimestamp(1, now);
            explain.setTimestamp(2, now);
            explain.setInt(3, EventPublisher.MAX_BATCH);
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    if (table.equals(rows.getString("table"))) {
                        return Map.of("key", String.valueOf(rows.getString("key")),
                                "type", String.valueOf(rows.getString("type")),
                                "rows", String.valueOf(rows.getString("rows")));
                    }
                }
            }
        }
        throw new AssertionError("no plan row for table " + table);
    }

    /**
     * A pending row ({@code published = false}) or a published one, of a test aggregate type no handler knows. Due
     * only in 9999, so no relay on this database (the local stack's, a test's) ever claims and publishes it.
     */
    private void append(String aggregate, long version, boolean published) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp never = Timestamp.valueOf("9999-12-31 00:00:00");
        jdbcTemplate.update("""
                        INSERT INTO outbox (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, body,
                                            created_at, published_at, next_attempt_at)
                        VALUES (?, 'ClaimCostProbe', 'claim-cost', ?, ?, '{}', ?, ?, ?)""",
                UUID.randomUUID().toString(), aggregate, version, now, published ? now : null, never);
    }

    private void appendPublished(int rows) {
        String aggregate = "claim-cost-published-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> values = new ArrayList<>();
        for (int version = 1; version <= rows; version++) {
            values.add(new Object[] {UUID.randomUUID().toString(), aggregate, version, now, now, now});
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO outbox (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, body,
                                    created_at, published_at, next_attempt_at)
                VALUES (?, 'ClaimCostProbe', 'claim-cost', ?, ?, '{}', ?, ?, ?)""", values);
    }
}
