package dev.cqrs.query.pipeline;

import dev.cqrs.query.pipeline.PipelineMetricsSource.Readings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The current {@link PipelineSnapshot}, reused for {@code pipeline.cache-for} so that any number of pages polling
 * cost one scrape of each service per interval; it keeps the previous reading, from which the next snapshot's rates
 * are computed. One scrape at a time: a caller that finds the snapshot stale while another scrapes waits for that
 * one (bounded by the scrape timeout) instead of starting its own.
 */
@Component
@EnableConfigurationProperties(PipelineProperties.class)
class Pipeline {

    private final PipelineMetricsSource source;
    private final long cacheForNanos;
    private final LongSupplier nanoTime;
    private Readings previous;
    private PipelineSnapshot current;
    private long currentAtNanos;

    @Autowired
    Pipeline(PipelineMetricsSource source, PipelineProperties properties) {
        this(source, properties.cacheFor(), System::nanoTime);
    }

    /** For tests: a clock of their own. */
    Pipeline(PipelineMetricsSource source, Duration cacheFor, LongSupplier nanoTime) {
        this.source = source;
        this.cacheForNanos = cacheFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The snapshot of at most {@code cache-for} ago; never throws for a service that is down (see its sources). */
    synchronized PipelineSnapshot snapshot() {
        long now = nanoTime.getAsLong();
        if (current != null && now - currentAtNanos < cacheForNanos) {
            return current;
        }
        Readings readings = source.read();
        current = PipelineSnapshots.assemble(previous, readings);
        currentAtNanos = now;
        previous = readings;
        return current;
    }
}
