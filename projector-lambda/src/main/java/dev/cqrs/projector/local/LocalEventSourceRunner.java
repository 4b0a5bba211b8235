package dev.cqrs.projector.local;

import dev.cqrs.projector.Projector;
import dev.cqrs.projector.ProjectorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process that plays Lambda's SQS event source mapping on a machine without Lambda: wires the projector, its
 * {@link PollLoop} and {@link ManagementEndpoints} (health, liveness, readiness, Prometheus), runs the loop on the
 * main thread and stops it on SIGTERM. The parts:
 * {@link PollLoop} (receive, backoff, health signals), {@link BatchInvoker} (invoke, then delete what succeeded),
 * {@link BatchResponses} (reading the partial batch response), {@link SqsEventMapper} (SQS message → Lambda event).
 *
 * <p>Environment: PROJECTOR_QUEUE_NAME, PROJECTOR_DLQ_NAME, PROJECTOR_HEALTH_PORT (default 8083), plus everything
 * {@link Projector#fromEnvironment} reads and the SDK's standard AWS settings.
 */
public final class LocalEventSourceRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalEventSourceRunner.class);

    /**
     * How long a SIGTERM waits for the loop: a batch in progress takes well under a second and is always finished;
     * a long poll in progress may not return in time, and the process then exits anyway (bin/services and Docker
     * kill after 15 and 10 seconds). Safe either way: a message received by an abandoned poll is simply redelivered
     * after the visibility timeout.
     */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(6);

    private LocalEventSourceRunner() {
    }

    public static void main(String[] args) throws Exception {
        String queueName = System.getenv("PROJECTOR_QUEUE_NAME");
        if (queueName == null || queueName.isBlank()) {
            throw new IllegalStateException("environment variable PROJECTOR_QUEUE_NAME is not set");
        }
        int healthPort = Integer.parseInt(System.getenv().getOrDefault("PROJECTOR_HEALTH_PORT", "8083"));

        Projector projector = Projector.fromEnvironment(System.getenv());
        SqsClient sqs = Projector.sqsClient();
        PollLoop loop = new PollLoop(sqs, queueName, new ProjectorHandler(projector));
        QueueDepths.register(projector.telemetry().meters(), sqs, queueName, System.getenv("PROJECTOR_DLQ_NAME"));
        ManagementEndpoints health = ManagementEndpoints.start(healthPort, loop::isAlive, projector.telemetry()::scrape);
        log.info("health on http://127.0.0.1:{}/actuator/health, metrics on /actuator/prometheus", health.port());

        // Whoever gets here first closes: the main thread when the loop ends, or the shutdown hook when a long poll
        // is still open (the JVM halts once the hook returns).
        AtomicBoolean closed = new AtomicBoolean();
        Runnable cleanup = () -> {
            if (closed.compareAndSet(false, true)) {
                health.close();
                sqs.close();
                projector.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: no new polls, finishing the current batch");
            if (!loop.stop(SHUTDOWN_TIMEOUT)) {
                log.info("long poll still open after {}s, exiting without it", SHUTDOWN_TIMEOUT.toSeconds());
            }
            cleanup.run();
        }, "projector-shutdown"));

        boolean failed = false;
        try {
            loop.run();
        } catch (RuntimeException e) {
            log.error("runner stopped: {}", e.toString());
            failed = true;
        } finally {
            cleanup.run();
        }
        if (failed) {
            System.exit(1);
        }
    }
}
