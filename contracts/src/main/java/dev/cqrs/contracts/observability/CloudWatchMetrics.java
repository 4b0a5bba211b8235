package dev.cqrs.contracts.observability;

import java.util.List;

/**
 * What command-service exports to CloudWatch (when {@code management.cloudwatch.metrics.export.enabled}) and the CDK
 * app's alarms and dashboard watch: one namespace, these metric names, no dimensions. Services map their meters
 * ({@link MetricNames}) to these names when they export; infra/aws builds its alarms from the same constants, and a
 * test on each side ties them together.
 */
public final class CloudWatchMetrics {

    /** The custom namespace of the outbox metrics; the task role may put metrics in this namespace only. */
    public static final String NAMESPACE = "Cqrs/Outbox";

    /** Seconds; {@link MetricNames#OUTBOX_OLDEST_AGE}, reported every step (0 when nothing waits). */
    public static final Exported OLDEST_UNPUBLISHED_AGE =
            new Exported(MetricNames.OUTBOX_OLDEST_AGE, "OldestUnpublishedAgeSeconds");
    /** Rows; {@link MetricNames#OUTBOX_BACKLOG}. */
    public static final Exported BACKLOG = new Exported(MetricNames.OUTBOX_BACKLOG, "UnpublishedEvents");
    /** Rows; {@link MetricNames#OUTBOX_PARKED}. */
    public static final Exported PARKED = new Exported(MetricNames.OUTBOX_PARKED, "ParkedEvents");

    /** Everything exported; any other meter stays on /actuator/prometheus only (custom metrics cost money). */
    public static final List<Exported> EXPORTED = List.of(OLDEST_UNPUBLISHED_AGE, BACKLOG, PARKED);

    /** A gauge exported under {@code metricName} in {@link #NAMESPACE}, without dimensions. */
    public record Exported(String meterName, String metricName) {
    }

    private CloudWatchMetrics() {
    }
}
