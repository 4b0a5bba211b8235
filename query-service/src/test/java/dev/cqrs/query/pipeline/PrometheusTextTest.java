package dev.cqrs.query.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser against what Micrometer's Prometheus registry really writes, and the format's corner cases. */
class PrometheusTextTest {

    @Test
    void readsWhatMicrometersPrometheusRegistryWrites() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("projection.events").baseUnit("events").tag("projection", "todo").tag("outcome", "applied")
                .register(registry).increment(7);
        Timer lag = Timer.builder("projection.lag").tag("projection", "todo").register(registry);
        lag.record(Duration.ofMillis(250));
        lag.record(Duration.ofMillis(750));
        Gauge.builder("queue.depth", () -> 3).baseUnit("messages").tag("queue", "a \"quoted\" \\ name")
                .register(registry);
        Gauge.builder("replica.lag", () -> Double.NaN).baseUnit("seconds").tag("replica", "r1").register(registry);

        List<Sample> samples = PrometheusText.parse(registry.scrape());

        assertThat(value(samples, "projection_events_total", Map.of("projection", "todo", "outcome", "applied")))
                .isEqualTo(7.0);
        assertThat(value(samples, "projection_lag_seconds_count", Map.of("projection", "todo"))).isEqualTo(2.0);
        assertThat(value(samples, "projection_lag_seconds_sum", Map.of("projection", "todo"))).isEqualTo(1.0);
        assertThat(value(samples, "projection_lag_seconds_max", Map.of("projection", "todo"))).isEqualTo(0.75);
        assertThat(value(samples, "queue_depth_messages", Map.of("queue", "a \"quoted\" \\ name"))).isEqualTo(3.0);
        assertThat(value(samples, "replica_lag_seconds", Map.of("replica", "r1"))).isNaN();
    }

    @Test
    void readsTimestampsInfinitiesEscapedNewlinesAndSkipsCommentsAndBrokenLines() {
        List<Sample> samples = PrometheusText.parse("""
                # HELP x_total a counter
                # TYPE x_total counter
                x_total 12 1700000000000
                y{le="+Inf"} +Inf
                z{a="line\\nbreak",b="c,d"} -1.5e3
                broken{a="unterminated} 1
                nonumber abc

                # EOF
                """);

        assertThat(samples).containsExactly(
                new Sample("x_total", Map.of(), 12),
                new Sample("y", Map.of("le", "+Inf"), Double.POSITIVE_INFINITY),
                new Sample("z", Map.of("a", "line\nbreak", "b", "c,d"), -1500));
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return PipelineMetricsSource.value(samples, name, labels).orElseThrow(() ->
                new AssertionError(name + labels + " not in " + samples));
    }
}
