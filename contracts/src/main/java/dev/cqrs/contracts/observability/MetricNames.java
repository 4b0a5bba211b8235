package dev.cqrs.contracts.observability;

import java.util.List;

/**
 * Meter names (Micrometer's dotted form) and their tags, the one definition for the services that register them and
 * the tests that scrape them. On {@code /actuator/prometheus} Micrometer writes them with underscores and a unit
 * suffix ({@code outbox.oldest.unpublished.age} with base unit seconds is {@code outbox_oldest_unpublished_age_seconds};
 * a timer {@code projection.lag} is {@code projection_lag_seconds_count|_sum|_max}); {@link #prometheusName} does that.
 */
public final class MetricNames {

    // command-service: the outbox and its relay
    /** Gauge, rows: events not yet accepted by SNS (parked ones excluded). */
    public static final String OUTBOX_BACKLOG = "outbox.backlog";
    /** Gauge, seconds: age of the oldest event not yet accepted by SNS (parked ones excluded), 0 when none waits. */
    public static final String OUTBOX_OLDEST_AGE = "outbox.oldest.unpublished.age";
    /** Gauge, rows: events the relay gave up on (GET /api/outbox/parked). */
    public static final String OUTBOX_PARKED = "outbox.parked";
    /** Timer: one PublishBatch call to SNS, tag {@link #TAG_OUTCOME} = success|failure. */
    public static final String OUTBOX_PUBLISH = "outbox.publish";
    /** Distribution summary, events: rows per PublishBatch call (1 to 10). */
    public static final String OUTBOX_PUBLISH_BATCH_SIZE = "outbox.publish.batch.size";
    /**
     * Counter, events: events SNS accepted (counted once per accepted entry of a PublishBatch; a re-publish after a
     * lost answer counts again). Its rate is the pipeline page's publish rate.
     */
    public static final String OUTBOX_PUBLISHED = "outbox.published";

    // projector: per read model
    /**
     * Counter, events: what one read model did with an event, tags {@link #TAG_PROJECTION} (todo, employee) and
     * {@link #TAG_OUTCOME}: {@code applied}, {@code duplicate} (older or equal version, a no-op), {@code waiting}
     * (an earlier version is missing: redelivered later), {@code parked} (can never apply: DLQ).
     */
    public static final String PROJECTION_EVENTS = "projection.events";
    /** Timer: apply time minus the event's occurredAt, per {@link #TAG_PROJECTION}, for applied events. */
    public static final String PROJECTION_LAG = "projection.lag";

    // audit-worker
    /** Timer: the audit item's write time minus the event's occurredAt. */
    public static final String AUDIT_LAG = "audit.lag";

    // consumers: their queues
    /**
     * Gauge, messages: SQS's ApproximateNumberOfMessages (visible, waiting) of a consumer's queue and its DLQ, tag
     * {@link #TAG_QUEUE} = the queue's name. Read from SQS when scraped.
     */
    public static final String QUEUE_DEPTH = "queue.depth";

    // query-service
    /**
     * Timer: a query that carried X-Consistency-Token and whose first read had not reached it, from the first read
     * to the answer; tag {@link #TAG_OUTCOME} = {@code reached} or {@code unavailable} (answered 503).
     */
    public static final String CONSISTENCY_WAIT = "consistency.wait";
    /**
     * Gauge, seconds: how far one MySQL replica's SQL thread is behind the primary ({@code Seconds_Behind_Master},
     * whole seconds), tag {@link #TAG_REPLICA} = the replica's host:port; NaN when it cannot be read (replica down,
     * replication stopped, no privilege to see it). Read from the replica when scraped.
     */
    public static final String REPLICA_LAG = "replica.lag";

    // every Spring service
    /** Spring's timer of every HTTP request served. */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_PROJECTION = "projection";
    public static final String TAG_QUEUE = "queue";
    public static final String TAG_REPLICA = "replica";

    /** The Prometheus series each service exposes, by service, for the scrape test and the README. */
    public static final List<String> COMMAND_SERVICE = List.of(
            prometheusName(OUTBOX_BACKLOG, "rows"), prometheusName(OUTBOX_OLDEST_AGE, "seconds"),
            prometheusName(OUTBOX_PARKED, "rows"), prometheusName(OUTBOX_PUBLISH, "seconds") + "_count",
            prometheusName(OUTBOX_PUBLISH_BATCH_SIZE, "events") + "_count",
            prometheusName(HTTP_SERVER_REQUESTS, "seconds") + "_count");
    public static final List<String> PROJECTOR = List.of(
            prometheusName(PROJECTION_EVENTS, "events") + "_total", prometheusName(PROJECTION_LAG, "seconds") + "_count",
            prometheusName(QUEUE_DEPTH, "messages"));
    public static final List<String> AUDIT_WORKER = List.of(
            prometheusName(AUDIT_LAG, "seconds") + "_count", prometheusName(QUEUE_DEPTH, "messages"),
            prometheusName(HTTP_SERVER_REQUESTS, "seconds") + "_count");
    public static final List<String> QUERY_SERVICE = List.of(
            prometheusName(CONSISTENCY_WAIT, "seconds") + "_count",
            prometheusName(HTTP_SERVER_REQUESTS, "seconds") + "_count");

    private MetricNames() {
    }

    /**
     * Micrometer's Prometheus name of a meter: dots to underscores, then {@code _<baseUnit>} unless the name already
     * ends with it (a counter gets {@code _total}, a timer or summary {@code _count}, {@code _sum}, {@code _max} on top).
     */
    public static String prometheusName(String meterName, String baseUnit) {
        String name = meterName.replace('.', '_');
        return name.endsWith("_" + baseUnit) ? name : name + "_" + baseUnit;
    }
}
