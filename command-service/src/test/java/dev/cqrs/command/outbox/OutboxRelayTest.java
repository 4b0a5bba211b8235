package dev.cqrs.command.outbox;

import dev.cqrs.contracts.todo.TodoCreated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sns.SnsClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Relays against the real MySQL primary and the real SNS FIFO topic. The app's own relay loop is off here. */
@SpringBootTest(properties = "outbox.relay.enabled=false")
class OutboxRelayTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Outbox outbox;
    @Autowired
    SnsClient sns;
    @Autowired
    Clock clock;
    @Value("${events.topic-arn}")
    String topicArn;

    @Test
    void twoRelaysRunningConcurrentlyPublishEachEventOnceAndInAggregateOrder() throws Exception {
        // 40 aggregates x 3 versions: the later versions are only publishable after the earlier ones
        List<String> eventIds = new ArrayList<>();
        Map<String, String> aggregateOf = new java.util.HashMap<>();
        for (int version = 1; version <= 3; version++) {
            for (int a = 0; a < 40; a++) {
                String aggregateId = "relay-test-" + a + "-" + RUN;
                int v = version;
                String eventId = transaction.execute(status -> outbox.append(
                        new TodoCreated(aggregateId, "t" + v, null, outbox.now()), v, outbox.now()).eventId().toString());
                eventIds.add(eventId);
                aggregateOf.put(eventId, aggregateId);
            }
        }
        List<String> accepted = CountingSnsClient.newLog();
        OutboxRelay first = relayWith(new CountingSnsClient(sns, accepted));
        OutboxRelay second = relayWith(new CountingSnsClient(sns, accepted));

        var start = new CyclicBarrier(2);
        var a = CompletableFuture.supplyAsync(() -> drainAfter(start, first));
        var b = CompletableFuture.supplyAsync(() -> drainAfter(start, second));
        int handled = a.get() + b.get();

        List<String> ours = accepted.stream().filter(eventIds::contains).toList();
        assertThat(ours).as("every event published exactly once across both relays")
                .hasSize(eventIds.size()).doesNotHaveDuplicates();
        assertThat(handled).isGreaterThanOrEqualTo(eventIds.size());
        assertThat(unpublished(eventIds)).isZero();

        // per aggregate, SNS accepted the versions in order (the order within each message group)
        Map<String, List<String>> publishedPerAggregate = ours.stream()
                .collect(Collectors.groupingBy(aggregateOf::get, Collectors.toList()));
        Map<String, Integer> versionOf = eventIds.stream().collect(Collectors.toMap(Function.identity(),
                id -> eventIds.indexOf(id) / 40 + 1));
        publishedPerAggregate.values().forEach(ids ->
                assertThat(ids.stream().map(versionOf::get).toList()).containsExactly(1, 2, 3));
    }

    @Test
    void failedPublishesAreRetriedLaterWithBackoffAndNeverMarkedPublished() {
        String aggregateId = "relay-fail-" + RUN;
        String eventId = transaction.execute(status -> outbox.append(
                new TodoCreated(aggregateId, "t", null, outbox.now()), 1, outbox.now()).eventId().toString());
        var broken = new OutboxRelay(jdbc, transaction,
                new EventPublisher(sns, topicArn.replace("cqrs", "missing-topic")),
                new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60)), clock);

        Instant before = clock.instant();
        broken.drain();

        Map<String, Object> row = jdbc.sql("SELECT * FROM outbox WHERE event_id = ?").param(eventId).query().singleRow();
        assertThat(row.get("published_at")).isNull();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_error")).asString().isNotBlank();
        assertThat(((LocalDateTime) row.get("next_attempt_at")).toInstant(ZoneOffset.UTC)).isAfter(before.plusSeconds(4));

        // a healthy relay leaves it alone until it is due, then publishes it
        relayWith(sns).drain();
        assertThat(unpublished(List.of(eventId))).as("not due yet").isEqualTo(1);
        jdbc.sql("UPDATE outbox SET next_attempt_at = ? WHERE event_id = ?")
                .params(Timestamp.from(clock.instant()), eventId).update();
        relayWith(sns).drain();
        assertThat(unpublished(List.of(eventId))).isZero();
    }

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private OutboxRelay relayWith(SnsClient client) {
        return new OutboxRelay(jdbc, transaction, new EventPublisher(client, topicArn),
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)), clock);
    }

    private static int drainAfter(CyclicBarrier start, OutboxRelay relay) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int total = 0;
        // keep going until a full round finds nothing: the other relay may hold rows this one skipped
        for (int idle = 0; idle < 3; ) {
            int n = relay.drain();
            total += n;
            idle = n == 0 ? idle + 1 : 0;
        }
        return total;
    }

    private long unpublished(List<String> eventIds) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL AND event_id IN (:ids)")
                .param("ids", eventIds).query(Long.class).single();
    }
}
