package dev.cqrs.query.pipeline;

import dev.cqrs.query.pipeline.PipelineMetricsSource.Readings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot is reused within cache-for and the previous reading feeds the next one's window. */
class PipelineTest {

    @Test
    void reusesTheSnapshotWithinCacheForThenReadsAgainWithTheWindowSinceThePreviousReading() {
        AtomicInteger reads = new AtomicInteger();
        AtomicLong nanos = new AtomicLong();
        Instant t0 = Instant.parse("2026-12-02T03:00:00Z");
        // a source of our own that only counts: the snapshot logic itself is PipelineSnapshotsTest's
        PipelineMetricsSource source = () -> new Readings(t0.plusSeconds(reads.incrementAndGet()), Map.of());
        Pipeline pipeline = new Pipeline(source, Duration.ofSeconds(1), nanos::get);

        PipelineSnapshot first = pipeline.snapshot();
        nanos.set(Duration.ofMillis(999).toNanos());
        assertThat(pipeline.snapshot()).isSameAs(first);
        assertThat(reads).hasValue(1);

        nanos.set(Duration.ofMillis(1000).toNanos());
        PipelineSnapshot second = pipeline.snapshot();
        assertThat(reads).hasValue(2);
        assertThat(first.windowSeconds()).isNull();
        assertThat(second.windowSeconds()).isEqualTo(1.0);
    }
}
