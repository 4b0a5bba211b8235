package dev.cqrs.projector.local;

import dev.cqrs.projector.Projector;
import dev.cqrs.projector.ProjectorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process that plays Lambda's SQS event source mapping on a machine without Lambda: wires the projector, its
 * {@link PollLoop}s and {@link ManagementEndpoints} (health, liveness, readiness, Prometheus), runs the loops and stops
 * them on SIGTERM. The parts:
 * {@link PollLoop} (receive, backoff, health signals), {@link BatchInvoker} (invoke, then delete what succeeded),
 * {@link BatchResponses} (reading the partial batch response), {@link SqsEventMapper} (SQS message → Lambda event).
 *
 * <p>Like the event source mapping, which invokes a function concurrently for different message groups of a FIFO queue,
 * the runner keeps PROJECTOR_POLLERS (default {@value #DEFAULT_POLLERS}) loops receiving and applying batches at the
 * same time. Order stays per aggregate: SQS hands out no message of a group while an earlier one of that group is in
 * flight, so two loops never hold events of the same aggregate. One loop alone waited on every receive round trip:
 * measured on the local stack at 30 commands/s, the projector spent 13 of 15 stack samples in ReceiveMessage while
 * events queued behind it (bin/bench, issue 10).
 *
 * <p>Environment: PROJECTOR_QUEUE_NAME, PROJECTOR_DLQ_NAME, PROJECTOR_HEALTH_PORT (default 8083), PROJECTOR_POLLERS,
 * plus everything {@link Projector#fromEnvironment} reads and the SDK's standard AWS settings.
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

    static final int DEFAULT_POLLERS = 2;

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
        int pollers = Integer.parseInt(System.getenv().getOrDefault("PROJECTOR_POLLERS", "" + DEFAULT_POLLERS));
        ProjectorHandler handler = new ProjectorHandler(projector);
        List<PollLoop> loops = new ArrayList<>();
        for (int i = 0; i < pollers; i++) {
            loops.add(new PollLoop(sqs, queueName, handler));
        }
        QueueDepths.register(projector.telemetry().meters(), sqs, queueName, System.getenv("PROJECTOR_DLQ_NAME"));
        ManagementEndpoints health = ManagementEndpoints.start(healthPort,
                () -> loops.stream().allMatch(PollLoop::isAlive), projector.telemetry()::scrape);
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
            log.info("stopping: no new polls, finishing the current batches");
            // stop() only signals and waits; the loops stop together, so the waits overlap
            loops.forEach(loop -> loop.stop(Duration.ZERO));
            for (PollLoop loop : loops) {
                if (!loop.stop(SHUTDOWN_TIMEOUT)) {
                    log.info("long poll still open after {}s, exiting without it", SHUTDOWN_TIMEOUT.toSeconds());
                    break;
                }
            }
            cleanup.run();
        }, "projector-shutdown"));

        boolean failed = false;
        ExecutorService threads = Executors.newFixedThreadPool(pollers, Thread.ofPlatform().name("poll-", 0).factory());
        try {
            ExecutorCompletionService<Void> running = new ExecutorCompletionService<>(threads);
            loops.forEach(loop -> running.submit(loop, null));
            // the first loop to end (stopped, or its queue is missing) ends the runner
            running.take().get();
        } catch (ExecutionException e) {
            log.error("runner stopped: {}", e.getCause().toString());
            failed = true;
        } finally {
            loops.forEach(loop -> loop.stop(Duration.ZERO));
            threads.shutdown();
            cleanup.run();
        }
        if (failed) {
            System.exit(1);
        }
    }
}
