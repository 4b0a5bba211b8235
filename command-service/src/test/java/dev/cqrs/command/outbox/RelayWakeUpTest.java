package dev.cqrs.command.outbox;

import dev.cqrs.contracts.todo.TodoCreated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * With the poll ten minutes apart, only the after-commit wake-up can publish a new event within seconds: this proves
 * the relay is driven by commits, with polling as the safety net only.
 */
@SpringBootTest(properties = "outbox.relay.poll-interval=10m")
class RelayWakeUpTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Outbox outbox;

    @Test
    void aCommitWakesTheRelayLongBeforeTheNextPoll() {
        // let the start-up drain finish first, so the event below can only go out through a wake-up
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL AND next_attempt_at <= NOW(6)")
                .query(Long.class).single() == 0);
        String aggregateId = "wake-" + UUID.randomUUID();
        String eventId = transaction.execute(status -> outbox.append(
                new TodoCreated(aggregateId, "t", null, outbox.now()), 1, outbox.now()).eventId().toString());

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
                "SELECT published_at IS NOT NULL FROM outbox WHERE event_id = ?").param(eventId)
                .query(Boolean.class).single());
    }
}
