package dev.cqrs.command.outbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention on the real outbox table, with rows back-dated in the database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.relay.enabled=false")
class OutboxRetentionTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void deletesOnlyRowsPublishedLongerAgoThanTheRetentionInSmallBatches() {
        String aggregate = "retention-" + UUID.randomUUID();
        Instant now = clock.instant();
        List<String> oldPublished = new ArrayList<>();
        for (int v = 1; v <= 5; v++) {
            oldPublished.add(insert(aggregate, v, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(8)), null));
        }
        String recentPublished = insert(aggregate, 6, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(6)), null);
        String oldUnpublished = insert(aggregate, 7, now.minus(Duration.ofDays(30)), null, null);
        String oldParked = insert(aggregate, 8, now.minus(Duration.ofDays(30)), null, now.minus(Duration.ofDays(20)));
        try {
            // batches of 2: five old rows need three deletes, the last one short
            var retention = new OutboxRetention(jdbc, clock, Duration.ofDays(7), 2);
            retention.scheduled();

            assertThat(remaining(aggregate)).containsExactlyInAnyOrder(recentPublished, oldUnpublished, oldParked)
                    .doesNotContainAnyElementsOf(oldPublished);
        } finally {
            jdbc.sql("DELETE FROM outbox WHERE aggregate_id = ?").param(aggregate).update();
        }
    }

    private String insert(String aggregate, int version, Instant created, Instant published, Instant parked) {
        String eventId = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO outbox (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, body,
                                            created_at, next_attempt_at, published_at, parked_at)
                        VALUES (?, 'TodoCreated', 'todo', ?, ?, '{}', ?, ?, ?, ?)""")
                .params(eventId, aggregate, version, Timestamp.from(created), Timestamp.from(created),
                        published == null ? null : Timestamp.from(published),
                        parked == null ? null : Timestamp.from(parked))
                .update();
        return eventId;
    }

    private List<String> remaining(String aggregate) {
        return jdbc.sql("SELECT event_id FROM outbox WHERE aggregate_id = ?").param(aggregate).query(String.class).list();
    }
}
