package dev.cqrs.command.outbox;

import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.command.ApiClient;
import dev.cqrs.contracts.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Relays against the real MySQL primary and the real SNS FIFO topic (stub clients only add one misbehaviour each: a
 * hang, a crash, a rejection). The app's own relay loop is off here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.relay.enabled=false")
class OutboxRelayTest {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxTracing tracing;
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
                publisher(sns, topicArn.replace("cqrs", "missing-topic")),
                new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60)), clock, Duration.ofSeconds(30), 10);

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

    @Test
    void aHangingSnsDoesNotHoldUpCommandsAppendingEventsNorOtherAggregates() throws Exception {
        relayWith(sns).drain(); // leftovers of other tests out of the way: the hanging relay claims our event
        String slow = "relay-hang-" + RUN;
        String other = "relay-hang-other-" + RUN;
        String first = append(slow, 1);
        var hanging = new StubSnsClients.Hanging(sns);
        // own threads: the common pool has a single thread on a 2-core machine, which the hanging relay would take
        var threads = java.util.concurrent.Executors.newCachedThreadPool();
        var stuck = CompletableFuture.supplyAsync(() -> relayWith(hanging).publishOneBatch(), threads);
        try {
            assertThat(hanging.entered.await(10, TimeUnit.SECONDS)).as("the relay is inside PublishBatch").isTrue();

            long started = System.nanoTime();
            var appends = CompletableFuture.supplyAsync(() -> List.of(append(slow, 2), append(other, 1)), threads);
            List<String> appended = appends.get(2, TimeUnit.SECONDS); // fails with a TimeoutException if blocked
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.printf("two outbox appends committed in %d ms while PublishBatch hung%n", millis);

            // another relay meanwhile publishes the other aggregate, but not the slow one's second event
            List<String> accepted = CountingSnsClient.newLog();
            relayWith(new CountingSnsClient(sns, accepted)).drain();
            assertThat(accepted).contains(appended.get(1)).doesNotContain(first, appended.get(0));
            assertThat(unpublished(List.of(first, appended.get(0)))).isEqualTo(2);

            hanging.release.countDown();
            assertThat(stuck.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
            assertThat(unpublished(List.of(first))).isZero();
            relayWith(new CountingSnsClient(sns, accepted)).drain();
            assertThat(unpublished(appended)).isZero();
        } finally {
            hanging.release.countDown();
            threads.shutdown();
        }
    }

    @Test
    void aRelayThatDiesBetweenPublishAndMarkIsTakenOverAfterItsLeaseAndTheEventRepublishedUnderItsId() {
        relayWith(sns).drain();
        String eventId = append("relay-crash-" + RUN, 1);
        List<String> accepted = CountingSnsClient.newLog();
        var dying = new OutboxRelay(jdbc, transaction,
                publisher(new StubSnsClients.CrashingAfterPublish(new CountingSnsClient(sns, accepted)),
                        topicArn),
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)), clock, Duration.ofSeconds(2), 10);

        assertThatThrownBy(dying::publishOneBatch).isInstanceOf(StubSnsClients.SimulatedCrash.class);
        assertThat(accepted).containsOnlyOnce(eventId);
        assertThat(jdbc.sql("SELECT lease_owner FROM outbox WHERE event_id = ?").param(eventId)
                .query(String.class).single()).as("still leased by the dead relay").isNotNull();

        OutboxRelay survivor = relayWith(new CountingSnsClient(sns, accepted));
        survivor.drain();
        assertThat(unpublished(List.of(eventId))).as("not taken over while the lease lives").isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            survivor.drain();
            return unpublished(List.of(eventId)) == 0;
        });
        assertThat(accepted.stream().filter(eventId::equals).count())
                .as("published twice under the same event id, which SNS FIFO deduplicates").isEqualTo(2);
    }

    @Test
    void anEventThatKeepsFailingIsParkedVisiblyAndHoldsBackOnlyItsOwnAggregate() throws Exception {
        relayWith(sns).drain();
        String poison = "poison-" + RUN;
        String parkedId = append(poison, 1);
        String heldBack = append(poison, 2);
        String healthy = append("relay-healthy-" + RUN, 1);
        List<String> accepted = CountingSnsClient.newLog();
        var relay = new OutboxRelay(jdbc, transaction,
                publisher(new StubSnsClients.Rejecting(new CountingSnsClient(sns, accepted), "poison-"),
                        topicArn),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)), clock, Duration.ofSeconds(30), 3);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
            relay.drain();
            return jdbc.sql("SELECT parked_at IS NOT NULL FROM outbox WHERE event_id = ?").param(parkedId)
                    .query(Boolean.class).single();
        });

        Map<String, Object> row = jdbc.sql("SELECT * FROM outbox WHERE event_id = ?").param(parkedId).query().singleRow();
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat(row.get("published_at")).isNull();
        assertThat(row.get("last_error")).asString().contains("poison entry");
        relay.drain();
        assertThat(jdbc.sql("SELECT attempts FROM outbox WHERE event_id = ?").param(parkedId).query(Integer.class)
                .single()).as("a parked event is not tried again").isEqualTo(3);
        assertThat(accepted).contains(healthy).doesNotContain(parkedId, heldBack);
        assertThat(unpublished(List.of(heldBack))).isEqualTo(1);

        assertThat(meters.get("outbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);
        var api = new ApiClient(port);
        var listed = api.send("GET", "/api/outbox/parked?limit=1000", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(EventJson.tree("{\"parked\":" + listed.body() + "}").findValuesAsString("eventId"))
                .contains(parkedId).doesNotContain(heldBack);

        // the operator fixed the cause: a retry publishes it, then the event it held back, in order
        assertThat(api.send("POST", "/api/outbox/parked/" + parkedId + "/retry", null).statusCode()).isEqualTo(202);
        assertThat(api.send("POST", "/api/outbox/parked/" + parkedId + "/retry", null).statusCode()).isEqualTo(404);
        List<String> afterRetry = CountingSnsClient.newLog();
        relayWith(new CountingSnsClient(sns, afterRetry)).drain();
        assertThat(afterRetry.stream().filter(List.of(parkedId, heldBack)::contains).toList())
                .containsExactly(parkedId, heldBack);
    }

    @Test
    void theSnsClientGivesUpOnAHangingEndpointWithinItsCallTimeout() throws Exception {
        assertThat(sns.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
                .as("the configured default").hasValue(Duration.ofSeconds(5));
        try (var blackHole = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             var client = SnsConfiguration.builder(Duration.ofMillis(800), Duration.ofMillis(300))
                     .endpointOverride(java.net.URI.create("http://127.0.0.1:" + blackHole.getLocalPort())).build()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> publisher(client, topicArn).publish(List.of(
                    new PendingEvent(1, UUID.randomUUID().toString(), "TodoCreated", "a", "{}", 0, null))))
                    .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private String append(String aggregateId, int version) {
        return transaction.execute(status -> outbox.append(
                new TodoCreated(aggregateId, "t" + version, null, outbox.now()), version, outbox.now()))
                .eventId().toString();
    }

    private EventPublisher publisher(SnsClient client, String topic) {
        return new EventPublisher(client, topic, tracing, meters);
    }

    private OutboxRelay relayWith(SnsClient client) {
        return new OutboxRelay(jdbc, transaction, publisher(client, topicArn),
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)), clock, Duration.ofSeconds(30), 10);
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
