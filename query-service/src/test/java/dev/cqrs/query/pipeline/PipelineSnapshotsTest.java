package dev.cqrs.query.pipeline;

import dev.cqrs.contracts.observability.MetricNames;
import dev.cqrs.query.pipeline.PipelineMetricsSource.Reading;
import dev.cqrs.query.pipeline.PipelineMetricsSource.Readings;
import dev.cqrs.query.pipeline.PipelineMetricsSource.Service;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Snapshots from two readings of real Micrometer registries, registered under the services' meter names
 * ({@link MetricNames}) as the services do, scraped as text and parsed.
 */
class PipelineSnapshotsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T03:00:00Z");

    final PrometheusMeterRegistry command = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final PrometheusMeterRegistry projector = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final PrometheusMeterRegistry audit = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final PrometheusMeterRegistry query = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final AtomicInteger backlog = new AtomicInteger(5);
    final Counter published = Counter.builder(MetricNames.OUTBOX_PUBLISHED).baseUnit("events").register(command);
    final Counter applied = Counter.builder(MetricNames.PROJECTION_EVENTS).baseUnit("events")
            .tag(MetricNames.TAG_PROJECTION, "todo").tag(MetricNames.TAG_OUTCOME, "applied").register(projector);
    final Timer todoLag = Timer.builder(MetricNames.PROJECTION_LAG).tag(MetricNames.TAG_PROJECTION, "todo")
            .register(projector);
    final Timer auditLag = Timer.builder(MetricNames.AUDIT_LAG).register(audit);

    PipelineSnapshotsTest() {
        Gauge.builder(MetricNames.OUTBOX_BACKLOG, backlog::get).baseUnit("rows").register(command);
        Gauge.builder(MetricNames.OUTBOX_OLDEST_AGE, () -> 1.5).baseUnit("seconds").register(command);
        Gauge.builder(MetricNames.OUTBOX_PARKED, () -> 0).baseUnit("rows").register(command);
        Gauge.builder(MetricNames.QUEUE_DEPTH, () -> 4).baseUnit("messages")
                .tag(MetricNames.TAG_QUEUE, "cqrs-projector-dlq.fifo").register(projector);
        Gauge.builder(MetricNames.QUEUE_DEPTH, () -> 9).baseUnit("messages")
                .tag(MetricNames.TAG_QUEUE, "cqrs-projector.fifo").register(projector);
        Gauge.builder(MetricNames.QUEUE_DEPTH, () -> Double.NaN).baseUnit("messages")
                .tag(MetricNames.TAG_QUEUE, "cqrs-audit.fifo").register(audit);
        Gauge.builder(MetricNames.REPLICA_LAG, () -> 2).baseUnit("seconds")
                .tag(MetricNames.TAG_REPLICA, "127.0.0.13:3316").register(query);
        Gauge.builder(MetricNames.REPLICA_LAG, () -> Double.NaN).baseUnit("seconds")
                .tag(MetricNames.TAG_REPLICA, "127.0.0.12:3316").register(query);
    }

    @Test
    void firstSnapshotHasGaugesButNoRates() {
        PipelineSnapshot first = PipelineSnapshots.assemble(null, read(T0));

        assertThat(first.windowSeconds()).isNull();
        assertThat(first.outbox()).isEqualTo(new PipelineSnapshot.Outbox(5L, 1.5, 0L, null));
        assertThat(first.queues()).containsExactly(
                new PipelineSnapshot.Queue("cqrs-projector.fifo", "projector", false, 9L),
                new PipelineSnapshot.Queue("cqrs-projector-dlq.fifo", "projector", true, 4L),
                new PipelineSnapshot.Queue("cqrs-audit.fifo", "audit-worker", false, null));
        assertThat(first.replicas()).containsExactly(new PipelineSnapshot.Replica("127.0.0.12:3316", null),
                new PipelineSnapshot.Replica("127.0.0.13:3316", 2.0));
        assertThat(first.audit().recordedPerSecond()).isNull();
        assertThat(first.sources()).allMatch(PipelineSnapshot.Source::up);
    }

    @Test
    void ratesAndMeanLagsComeFromTheIncreaseBetweenTwoReadings() {
        Readings before = read(T0);
        published.increment(20);
        applied.increment(8);
        todoLag.record(Duration.ofMillis(100));
        todoLag.record(Duration.ofMillis(300));
        backlog.set(2);

        PipelineSnapshot after = PipelineSnapshots.assemble(before, read(T0.plusSeconds(2)));

        assertThat(after.windowSeconds()).isEqualTo(2.0);
        assertThat(after.outbox().publishedPerSecond()).isEqualTo(10.0);
        assertThat(after.outbox().backlogRows()).isEqualTo(2L);
        PipelineSnapshot.Projection todo = after.projections().getFirst();
        assertThat(todo.name()).isEqualTo("todo");
        assertThat(todo.appliedPerSecond()).isEqualTo(4.0);
        assertThat(todo.meanLagSeconds()).isCloseTo(0.2, within(1e-9));
        assertThat(todo.maxLagSeconds()).isCloseTo(0.3, within(1e-9));
        // nothing written by the audit worker in the window: a rate of 0 and no mean
        assertThat(after.audit().recordedPerSecond()).isEqualTo(0.0);
        assertThat(after.audit().meanLagSeconds()).isNull();
    }

    @Test
    void aCounterThatWentDownWasResetByARestart() {
        published.increment(100);
        Readings before = read(T0);
        PrometheusMeterRegistry restarted = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder(MetricNames.OUTBOX_PUBLISHED).baseUnit("events").register(restarted).increment(6);
        Readings after = new Readings(T0.plusSeconds(3), Map.of(Service.COMMAND_SERVICE,
                Reading.ok("restarted", PrometheusText.parse(restarted.scrape()))));

        assertThat(PipelineSnapshots.assemble(before, after).outbox().publishedPerSecond()).isEqualTo(2.0);
    }

    @Test
    void aServiceThatCouldNotBeReadLeavesItsPartNullAndIsNamed() {
        Readings before = read(T0);
        Readings now = new Readings(T0.plusSeconds(1), Map.of(
                Service.COMMAND_SERVICE, Reading.failed("http://127.0.0.1:8080/actuator/prometheus", "ConnectException"),
                Service.PROJECTOR, reading(projector), Service.AUDIT_WORKER, reading(audit),
                Service.QUERY_SERVICE, reading(query)));

        PipelineSnapshot snapshot = PipelineSnapshots.assemble(before, now);

        assertThat(snapshot.outbox()).isEqualTo(new PipelineSnapshot.Outbox(null, null, null, null));
        assertThat(snapshot.projections()).hasSize(1);
        assertThat(snapshot.sources()).filteredOn(s -> !s.up()).singleElement()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo("command-service");
                    assertThat(s.error()).isEqualTo("ConnectException");
                });
        // and the next snapshot, with command-service back, has its gauges but no rate (no reading to compare with)
        PipelineSnapshot back = PipelineSnapshots.assemble(now, read(T0.plusSeconds(2)));
        assertThat(back.outbox().backlogRows()).isEqualTo(5L);
        assertThat(back.outbox().publishedPerSecond()).isNull();
    }

    private Readings read(Instant at) {
        return new Readings(at, Map.of(Service.COMMAND_SERVICE, reading(command), Service.PROJECTOR, reading(projector),
                Service.AUDIT_WORKER, reading(audit), Service.QUERY_SERVICE, reading(query)));
    }

    private static Reading reading(PrometheusMeterRegistry registry) {
        return Reading.ok("test", PrometheusText.parse(registry.scrape()));
    }
}
