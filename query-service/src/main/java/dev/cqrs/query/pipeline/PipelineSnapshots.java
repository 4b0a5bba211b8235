package dev.cqrs.query.pipeline;

import dev.cqrs.contracts.observability.MetricNames;
import dev.cqrs.query.pipeline.PipelineMetricsSource.Reading;
import dev.cqrs.query.pipeline.PipelineMetricsSource.Readings;
import dev.cqrs.query.pipeline.PipelineMetricsSource.Service;
import dev.cqrs.query.pipeline.PipelineSnapshot.Audit;
import dev.cqrs.query.pipeline.PipelineSnapshot.Outbox;
import dev.cqrs.query.pipeline.PipelineSnapshot.Projection;
import dev.cqrs.query.pipeline.PipelineSnapshot.Queue;
import dev.cqrs.query.pipeline.PipelineSnapshot.Replica;
import dev.cqrs.query.pipeline.PipelineSnapshot.Source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

import static dev.cqrs.contracts.observability.MetricNames.prometheusName;
import static dev.cqrs.query.pipeline.PipelineMetricsSource.value;

/**
 * Turns two readings (the previous one, if any, and the current one) into a {@link PipelineSnapshot}: gauges from the
 * current reading, rates and mean lags from the difference of counters between the two. Pure: no I/O, no clock.
 * <p>
 * A counter lower than before means its service restarted: the current value is then the increase (as Prometheus's
 * {@code rate} treats a reset).
 */
final class PipelineSnapshots {

    static final String BACKLOG = prometheusName(MetricNames.OUTBOX_BACKLOG, "rows");
    static final String OLDEST_AGE = prometheusName(MetricNames.OUTBOX_OLDEST_AGE, "seconds");
    static final String PARKED = prometheusName(MetricNames.OUTBOX_PARKED, "rows");
    static final String PUBLISHED = prometheusName(MetricNames.OUTBOX_PUBLISHED, "events") + "_total";
    static final String QUEUE_DEPTH = prometheusName(MetricNames.QUEUE_DEPTH, "messages");
    static final String PROJECTION_EVENTS = prometheusName(MetricNames.PROJECTION_EVENTS, "events") + "_total";
    static final String PROJECTION_LAG = prometheusName(MetricNames.PROJECTION_LAG, "seconds");
    static final String AUDIT_LAG = prometheusName(MetricNames.AUDIT_LAG, "seconds");
    static final String REPLICA_LAG = prometheusName(MetricNames.REPLICA_LAG, "seconds");

    private PipelineSnapshots() {
    }

    /**
     * @param previous the reading before, or null for the first snapshot (then every rate and mean is null)
     * @param current  the reading now
     */
    static PipelineSnapshot assemble(Readings previous, Readings current) {
        Double window = previous == null ? null
                : Duration.between(previous.at(), current.at()).toNanos() / 1e9;
        Window w = new Window(previous, current, window == null || window <= 0 ? null : window);
        return new PipelineSnapshot(current.at(), w.seconds(), outbox(w), queues(current), projections(w), audit(w),
                replicas(current), sources(current));
    }

    private static Outbox outbox(Window w) {
        return w.now(Service.COMMAND_SERVICE).map(samples -> new Outbox(
                whole(value(samples, BACKLOG, Map.of())),
                number(value(samples, OLDEST_AGE, Map.of())),
                whole(value(samples, PARKED, Map.of())),
                w.rate(Service.COMMAND_SERVICE, PUBLISHED, Map.of()))).orElse(new Outbox(null, null, null, null));
    }

    private static List<Queue> queues(Readings current) {
        List<Queue> queues = new ArrayList<>();
        for (Service consumer : List.of(Service.PROJECTOR, Service.AUDIT_WORKER)) {
            current.samples(consumer).ifPresent(samples -> samples.stream()
                    .filter(s -> s.name().equals(QUEUE_DEPTH) && s.labels().containsKey(MetricNames.TAG_QUEUE))
                    .map(s -> {
                        String name = s.labels().get(MetricNames.TAG_QUEUE);
                        // the dead-letter queues are named <queue>-dlq(.fifo) in infra/resources.json
                        return new Queue(name, consumer.id, name.contains("-dlq"), whole(s.value()));
                    })
                    .sorted((a, b) -> Boolean.compare(a.deadLetter(), b.deadLetter()))
                    .forEach(queues::add));
        }
        return queues;
    }

    private static List<Projection> projections(Window w) {
        return w.now(Service.PROJECTOR).map(samples -> {
            TreeSet<String> names = new TreeSet<>();
            samples.stream().filter(s -> s.name().equals(PROJECTION_LAG + "_count"))
                    .map(s -> s.labels().get(MetricNames.TAG_PROJECTION)).filter(n -> n != null).forEach(names::add);
            return names.stream().map(name -> {
                Map<String, String> projection = Map.of(MetricNames.TAG_PROJECTION, name);
                Map<String, String> applied = Map.of(MetricNames.TAG_PROJECTION, name, MetricNames.TAG_OUTCOME, "applied");
                return new Projection(name, w.rate(Service.PROJECTOR, PROJECTION_EVENTS, applied),
                        w.mean(Service.PROJECTOR, PROJECTION_LAG, projection),
                        number(value(samples, PROJECTION_LAG + "_max", projection)));
            }).toList();
        }).orElse(List.of());
    }

    private static Audit audit(Window w) {
        return w.now(Service.AUDIT_WORKER).map(samples -> new Audit(
                w.rate(Service.AUDIT_WORKER, AUDIT_LAG + "_count", Map.of()),
                w.mean(Service.AUDIT_WORKER, AUDIT_LAG, Map.of()),
                number(value(samples, AUDIT_LAG + "_max", Map.of())))).orElse(new Audit(null, null, null));
    }

    private static List<Replica> replicas(Readings current) {
        return current.samples(Service.QUERY_SERVICE).map(samples -> samples.stream()
                .filter(s -> s.name().equals(REPLICA_LAG) && s.labels().containsKey(MetricNames.TAG_REPLICA))
                .map(s -> new Replica(s.labels().get(MetricNames.TAG_REPLICA), number(s.value())))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList()).orElse(List.of());
    }

    private static List<Source> sources(Readings current) {
        List<Source> sources = new ArrayList<>();
        for (Service service : Service.values()) {
            Reading reading = current.byService().get(service);
            if (reading != null) {
                sources.add(new Source(service.id, reading.where(), reading.error() == null, reading.error()));
            }
        }
        return sources;
    }

    /** A finite value, else null (a gauge that could not be read is NaN). */
    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Double number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : null;
    }

    private static Long whole(double value) {
        return Double.isFinite(value) ? Math.round(value) : null;
    }

    private static Long whole(OptionalDouble value) {
        return value.isPresent() ? whole(value.getAsDouble()) : null;
    }

    /** The previous and the current reading, and the seconds between them (null: no rates). */
    private record Window(Readings previous, Readings current, Double seconds) {

        Optional<List<Sample>> now(Service service) {
            return current.samples(service);
        }

        /** Increase of a counter over the window, a reset counting from 0; null without both readings. */
        Double increase(Service service, String name, Map<String, String> labels) {
            if (seconds == null) {
                return null;
            }
            Optional<List<Sample>> before = previous.samples(service);
            Optional<List<Sample>> after = current.samples(service);
            if (before.isEmpty() || after.isEmpty()) {
                return null;
            }
            OptionalDouble now = value(after.get(), name, labels);
            if (now.isEmpty()) {
                return null;
            }
            // a series that appeared during the window (a meter registered by its first use) started at 0
            double then = value(before.get(), name, labels).orElse(0);
            double increase = now.getAsDouble() < then ? now.getAsDouble() : now.getAsDouble() - then;
            return Double.isFinite(increase) ? increase : null;
        }

        Double rate(Service service, String name, Map<String, String> labels) {
            Double increase = increase(service, name, labels);
            return increase == null ? null : increase / seconds;
        }

        /** Mean of a timer over the window: increase of its _sum over increase of its _count; null when none. */
        Double mean(Service service, String timer, Map<String, String> labels) {
            Double count = increase(service, timer + "_count", labels);
            Double sum = increase(service, timer + "_sum", labels);
            return count == null || sum == null || count == 0 ? null : sum / count;
        }
    }
}
