package dev.cqrs.query.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the pipeline page's numbers come from: one reading of every service's metrics, named as on
 * {@code /actuator/prometheus} ({@code dev.cqrs.contracts.observability.MetricNames} in Prometheus form).
 * <p>
 * Locally and in docker-compose that is {@link PrometheusPipelineSource}, which scrapes the services over HTTP. In
 * AWS the same {@link Readings} could come from CloudWatch instead ({@code Cqrs/Outbox} for the outbox gauges,
 * {@code AWS/SQS ApproximateNumberOfMessagesVisible} for the queues, {@code AWS/RDS ReplicaLag} per replica, and the
 * services' other meters once exported) by a second implementation of this interface; the snapshot logic
 * ({@link PipelineSnapshots}) would not change.
 */
interface PipelineMetricsSource {

    /** Reads every source once; a source that fails is a {@link Reading} with an error, never an exception. */
    Readings read();

    /** The services whose metrics the page shows. */
    enum Service {
        COMMAND_SERVICE("command-service"),
        PROJECTOR("projector"),
        AUDIT_WORKER("audit-worker"),
        QUERY_SERVICE("query-service");

        final String id;

        Service(String id) {
            this.id = id;
        }
    }

    /** One scrape of every service, taken at {@code at} (the scrapes run together). */
    record Readings(Instant at, Map<Service, Reading> byService) {

        public Readings {
            byService = Map.copyOf(byService);
        }

        /** The service's samples, or empty when it could not be read. */
        Optional<List<Sample>> samples(Service service) {
            Reading reading = byService.get(service);
            return reading == null || reading.error() != null ? Optional.empty() : Optional.of(reading.samples());
        }
    }

    /**
     * One service's scrape: its samples, or the error that kept us from them (then {@code samples} is empty).
     *
     * @param where what was read (a URL, or "in-process" for this service's own meters)
     */
    record Reading(String where, List<Sample> samples, String error) {

        public Reading {
            samples = List.copyOf(samples);
        }

        static Reading ok(String where, List<Sample> samples) {
            return new Reading(where, samples, null);
        }

        static Reading failed(String where, String error) {
            return new Reading(where, List.of(), error);
        }
    }

    /** The first sample called {@code name} whose labels include {@code labels}. */
    static OptionalDouble value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(labels))
                .mapToDouble(Sample::value).findFirst();
    }
}
