package dev.cqrs.query.pipeline;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What the pipeline page shows at one moment, from the services' metrics (never from their databases). Every number
 * is null when its source could not be read (named in {@code sources} with the error) or, for rates and means, when
 * there is no earlier reading yet to compare with. Rates and mean lags are over the {@code windowSeconds} between the
 * previous reading and this one (a second or more: readings are cached for a second, so pages polling together do not
 * multiply the scrapes). Every component is always written, {@code null} included; those that can be null are
 * {@link Nullable} (the OpenAPI document's {@code ["number", "null"]}).
 *
 * @param takenAt       when the services were read (UTC)
 * @param windowSeconds seconds between the previous reading and this one: the window of every rate and mean
 * @param outbox        command-service's outbox; its numbers are null when command-service could not be read
 * @param queues        the SQS queues and dead-letter queues, as their consumers see them; a consumer that could not
 *                      be read leaves its queues out
 * @param projections   per read model of the projector (todo, employee); empty when the projector could not be read
 * @param audit         the audit worker; its numbers are null when it could not be read
 * @param replicas      per MySQL replica, from query-service's own replica connections
 * @param sources       each service read, whether it answered, and why not
 */
@Schema(description = "The CQRS pipeline at one moment, from the services' metrics")
public record PipelineSnapshot(
        Instant takenAt,
        @Nullable @Schema(description = "seconds between the previous reading and this one; null on the first")
        Double windowSeconds,
        @Schema(description = "its numbers are null when command-service could not be read")
        Outbox outbox,
        List<Queue> queues,
        List<Projection> projections,
        @Schema(description = "its numbers are null when the audit worker could not be read")
        Audit audit,
        List<Replica> replicas,
        List<Source> sources) {

    /**
     * The transactional outbox of command-service.
     *
     * @param backlogRows                 events not yet accepted by SNS (parked ones excluded)
     * @param oldestUnpublishedAgeSeconds age of the oldest of them in seconds, 0 when none waits
     * @param parkedRows                  events the relay gave up on (an operator must look)
     * @param publishedPerSecond          events SNS accepted per second over the window
     */
    @Schema(description = "command-service's transactional outbox")
    public record Outbox(
            @Nullable @Schema(description = "events not yet accepted by SNS, parked ones excluded")
            Long backlogRows,
            @Nullable @Schema(description = "seconds since the oldest of them was committed; 0 when none waits")
            Double oldestUnpublishedAgeSeconds,
            @Nullable @Schema(description = "events the relay gave up on")
            Long parkedRows,
            @Nullable @Schema(description = "events accepted by SNS per second over the window")
            Double publishedPerSecond) {
    }

    /**
     * One SQS queue.
     *
     * @param name       the queue's name
     * @param consumer   the service that consumes it and reports its depth: {@code projector} or {@code audit-worker}
     * @param deadLetter whether it is a dead-letter queue
     * @param messages   visible messages (SQS ApproximateNumberOfMessages); null when SQS could not be asked
     */
    @Schema(description = "one SQS queue as its consumer sees it")
    public record Queue(
            String name,
            @Schema(allowableValues = {"projector", "audit-worker"}) String consumer,
            boolean deadLetter,
            @Nullable @Schema(description = "visible messages; null when SQS could not be asked")
            Long messages) {
    }

    /**
     * One read model of the projector.
     *
     * @param name               {@code todo} or {@code employee}
     * @param appliedPerSecond   events applied per second over the window
     * @param meanLagSeconds     mean of (applied − occurredAt) over the events applied in the window, in seconds;
     *                           null when none was applied
     * @param maxLagSeconds      the largest lag of roughly the last minute (Micrometer's decaying maximum), seconds
     */
    @Schema(description = "one read model of the projector")
    public record Projection(
            String name,
            @Nullable @Schema(description = "events applied per second over the window")
            Double appliedPerSecond,
            @Nullable @Schema(description = "mean seconds from occurredAt to applied over the window; null when none applied")
            Double meanLagSeconds,
            @Nullable @Schema(description = "largest such lag of about the last minute, seconds")
            Double maxLagSeconds) {
    }

    /**
     * The audit worker.
     *
     * @param recordedPerSecond audit items written per second over the window
     * @param meanLagSeconds    mean of (written − occurredAt) over the window, seconds; null when nothing was written
     * @param maxLagSeconds     the largest lag of roughly the last minute, seconds
     */
    @Schema(description = "the audit worker")
    public record Audit(
            @Nullable @Schema(description = "audit items written per second over the window")
            Double recordedPerSecond,
            @Nullable @Schema(description = "mean seconds from occurredAt to written over the window; null when none written")
            Double meanLagSeconds,
            @Nullable @Schema(description = "largest such lag of about the last minute, seconds")
            Double maxLagSeconds) {
    }

    /**
     * One MySQL replica.
     *
     * @param name       host:port
     * @param lagSeconds Seconds_Behind_Master (whole seconds); null when unknown (down, replication stopped)
     */
    @Schema(description = "one MySQL replica")
    public record Replica(
            String name,
            @Nullable @Schema(description = "seconds behind the primary (whole seconds); null when unknown")
            Double lagSeconds) {
    }

    /**
     * One service read for this snapshot.
     *
     * @param name  command-service, projector, audit-worker or query-service
     * @param where the URL scraped, or {@code in-process} for query-service's own meters
     * @param up    whether it answered with metrics
     * @param error why not; null when up
     */
    @Schema(description = "one service read for this snapshot")
    public record Source(
            String name,
            String where,
            boolean up,
            @Nullable @Schema(description = "why it could not be read; null when up")
            String error) {
    }
}
