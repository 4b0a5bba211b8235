package dev.cqrs.projector.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cqrs.projector.Projector;
import dev.cqrs.projector.ProjectorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Plays Lambda's SQS event source mapping on a machine without Lambda: long-polls the projector queue for batches of
 * up to 10, invokes the handler, deletes the messages it did not report as failed, and leaves the failed ones alone, so
 * they come back after the queue's visibility timeout (the retry back-off) and, after 5 receives, SQS's redrive policy
 * moves them to the DLQ. Like the event source mapping, it never creates queues.
 *
 * <p>Environment: PROJECTOR_QUEUE_NAME, PROJECTOR_HEALTH_PORT (default 8083), plus everything
 * {@link Projector#fromEnvironment} reads and the SDK's standard AWS settings.
 */
public final class LocalEventSourceRunner implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LocalEventSourceRunner.class);

    static final int MAX_MESSAGES = 10;
    static final int WAIT_TIME_SECONDS = 20;
    /** What Lambda would give one invocation; only informs the handler's Context. */
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);
    /** A long poll, a batch and a back-off fit well within this. */
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(WAIT_TIME_SECONDS * 3L);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);
    /**
     * How long a SIGTERM waits for the loop: a batch in progress takes well under a second and is always finished;
     * a long poll in progress may not return in time, and the process then exits anyway (bin/services and Docker
     * kill after 15 and 10 seconds). Safe either way: a message received by an abandoned poll is simply redelivered
     * after the visibility timeout.
     */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(6);

    private final SqsClient sqs;
    private final String queueName;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Consumer<String> onDeleted;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;
    /** When the current (or last) receive started, and whether the last one completed: the health signals. */
    private volatile Instant pollStartedAt = Instant.EPOCH;
    private volatile boolean lastReceiveOk = true;

    public LocalEventSourceRunner(SqsClient sqs, String queueName, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        this(sqs, queueName, handler, messageId -> { });
    }

    /** @param onDeleted told the id of every message SQS confirmed as deleted */
    LocalEventSourceRunner(SqsClient sqs, String queueName, RequestHandler<SQSEvent, SQSBatchResponse> handler,
                           Consumer<String> onDeleted) {
        this.sqs = sqs;
        this.queueName = queueName;
        this.handler = handler;
        this.onDeleted = onDeleted;
    }

    public static void main(String[] args) throws Exception {
        String queueName = System.getenv("PROJECTOR_QUEUE_NAME");
        if (queueName == null || queueName.isBlank()) {
            throw new IllegalStateException("environment variable PROJECTOR_QUEUE_NAME is not set");
        }
        int healthPort = Integer.parseInt(System.getenv().getOrDefault("PROJECTOR_HEALTH_PORT", "8083"));

        Projector projector = Projector.fromEnvironment(System.getenv());
        SqsClient sqs = Projector.sqsClient();
        LocalEventSourceRunner runner = new LocalEventSourceRunner(sqs, queueName, new ProjectorHandler(projector));
        HealthEndpoint health = HealthEndpoint.start(healthPort, runner::isAlive);
        log.info("health on http://127.0.0.1:{}/health", health.port());

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
            if (!runner.stop(SHUTDOWN_TIMEOUT)) {
                log.info("long poll still open after {}s, exiting without it", SHUTDOWN_TIMEOUT.toSeconds());
            }
            cleanup.run();
        }, "projector-shutdown"));

        boolean failed = false;
        try {
            runner.run();
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

    /** Polls until {@link #stop} is called; throws only if the queue does not exist. */
    @Override
    public void run() {
        started = true;
        try {
            String queueUrl = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String region = sqs.serviceClientConfiguration().region().id();
            log.info("polling {} ({})", queueName, queueUrl);
            Duration backoff = Duration.ofSeconds(1);
            while (stopRequested.getCount() > 0) {
                List<Message> messages;
                pollStartedAt = Instant.now();
                try {
                    messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                            .maxNumberOfMessages(MAX_MESSAGES)
                            .waitTimeSeconds(WAIT_TIME_SECONDS)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All")).messages();
                    lastReceiveOk = true;
                    backoff = Duration.ofSeconds(1);
                } catch (QueueDoesNotExistException e) {
                    throw e;
                } catch (SdkException e) {
                    lastReceiveOk = false;
                    log.warn("receive from {} failed, retrying in {}s: {}", queueName, backoff.toSeconds(), e.toString());
                    awaitQuietly(stopRequested, backoff);
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                    continue;
                }
                if (!messages.isEmpty()) {
                    invoke(queueUrl, messages, SqsEventMapper.toEvent(messages, queueArn, region));
                }
            }
            log.info("stopped polling {}", queueName);
        } finally {
            stopped.countDown();
        }
    }

    /** Asks the loop to stop after the current poll and batch; returns whether it stopped within the timeout. */
    public boolean stop(Duration timeout) {
        stopRequested.countDown();
        if (!started) {
            return true;
        }
        return awaitQuietly(stopped, timeout);
    }

    /**
     * The loop runs, SQS answered its last receive, and the current poll (or batch) is not stuck: at most a long poll
     * plus a batch plus a back-off since the last receive started.
     */
    boolean isAlive() {
        return started && stopped.getCount() == 1 && lastReceiveOk
                && pollStartedAt.isAfter(Instant.now().minus(HEARTBEAT_TIMEOUT));
    }

    private void invoke(String queueUrl, List<Message> messages, SQSEvent event) {
        Set<String> failed;
        try {
            SQSBatchResponse response = handler.handleRequest(event, new LocalContext(INVOCATION_TIMEOUT));
            failed = failedIds(response, messages);
        } catch (RuntimeException e) {
            // Lambda treats a failed invocation as a failure of the whole batch: nothing is deleted.
            log.error("invocation failed, all {} messages will be redelivered: {}", messages.size(), e.toString());
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i)).receiptHandle(message.receiptHandle()).build());
            } else {
                log.info("message {} left for redelivery (receive {})", message.messageId(),
                        message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "?"));
            }
        }
        if (!done.isEmpty()) {
            delete(queueUrl, messages, done);
        }
    }

    private void delete(String queueUrl, List<Message> messages, List<DeleteMessageBatchRequestEntry> done) {
        try {
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
            response.successful().forEach(ok -> onDeleted.accept(messages.get(Integer.parseInt(ok.id())).messageId()));
            // Not deleted: it comes back after the visibility timeout and is applied again, which changes nothing.
            response.failed().forEach(error -> log.warn("delete of {} failed: {} {}",
                    messages.get(Integer.parseInt(error.id())).messageId(), error.code(), error.message()));
        } catch (SdkException e) {
            log.warn("delete of {} messages failed, they will be redelivered: {}", done.size(), e.toString());
        }
    }

    /**
     * The ids to keep. Like Lambda, a response naming a message that was not in the batch (or an empty id) fails the
     * whole batch, as the function is evidently confused.
     */
    static Set<String> failedIds(SQSBatchResponse response, List<Message> messages) {
        Set<String> inBatch = new HashSet<>();
        messages.forEach(m -> inBatch.add(m.messageId()));
        if (response == null || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure.getItemIdentifier();
            if (id == null || !inBatch.contains(id)) {
                log.warn("batch response names unknown message '{}': treating the whole batch as failed", id);
                return inBatch;
            }
            failed.add(id);
        }
        return failed;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
