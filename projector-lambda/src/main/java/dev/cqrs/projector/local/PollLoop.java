package dev.cqrs.projector.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The poll loop of the local event source: long-polls the queue for batches of up to {@value #MAX_MESSAGES} and hands
 * each to a {@link BatchInvoker}, until {@link #stop}. A failed receive is retried after a capped exponential backoff
 * with jitter; like Lambda's event source mapping, it never creates queues, and a missing queue ends the loop.
 */
final class PollLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);

    static final int MAX_MESSAGES = 10;
    static final int WAIT_TIME_SECONDS = 20;
    /**
     * Between failed receives: 1 s, doubling up to 20 s, each delay between half and all of that (jitter). The AWS
     * SDK's strategy, the one backoff of the build (command-service's outbox relay uses it too): already on the
     * classpath of every module that retries, so nobody keeps a hand-written copy.
     */
    private static final BackoffStrategy BACKOFF =
            BackoffStrategy.exponentialDelayHalfJitter(Duration.ofSeconds(1), Duration.ofSeconds(20));
    /** A long poll, a batch and a back-off fit well within this. */
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(WAIT_TIME_SECONDS * 3L);

    private final SqsClient sqs;
    private final String queueName;
    private final BatchInvoker invoker;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;
    /** When the current (or last) receive started, and whether the last one completed: the health signals. */
    private volatile Instant pollStartedAt = Instant.EPOCH;
    private volatile boolean lastReceiveOk = true;

    PollLoop(SqsClient sqs, String queueName, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        this(sqs, queueName, handler, messageId -> { });
    }

    /** @param onDeleted told the id of every message SQS confirmed as deleted */
    PollLoop(SqsClient sqs, String queueName, RequestHandler<SQSEvent, SQSBatchResponse> handler,
             Consumer<String> onDeleted) {
        this.sqs = sqs;
        this.queueName = queueName;
        this.invoker = new BatchInvoker(sqs, handler, onDeleted);
    }

    /** Polls until {@link #stop} is called; throws only if the queue does not exist. */
    @Override
    public void run() {
        started = true;
        try {
            String queueUrl = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            String region = sqs.serviceClientConfiguration().region().id();
            log.info("polling {} ({})", queueName, queueUrl);
            int failedReceives = 0;
            while (stopRequested.getCount() > 0) {
                List<Message> messages;
                pollStartedAt = Instant.now();
                try {
                    messages = receive(queueUrl);
                    lastReceiveOk = true;
                    failedReceives = 0;
                } catch (QueueDoesNotExistException e) {
                    throw e;
                } catch (SdkException e) {
                    lastReceiveOk = false;
                    failedReceives++;
                    // the strategy's attempt 1 is the first try (no delay); attempt 2 is the first retry (1 s)
                    Duration backoff = BACKOFF.computeDelay(Math.min(failedReceives, 20) + 1);
                    log.warn("receive from {} failed, retrying in {} ms: {}", queueName, backoff.toMillis(),
                            e.toString());
                    awaitQuietly(stopRequested, backoff);
                    continue;
                }
                if (!messages.isEmpty()) {
                    invoker.invoke(queueUrl, messages, SqsEventMapper.toEvent(messages, queueArn, region));
                }
            }
            log.info("stopped polling {}", queueName);
        } finally {
            stopped.countDown();
        }
    }

    private List<Message> receive(String queueUrl) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(MAX_MESSAGES)
                .waitTimeSeconds(WAIT_TIME_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    /** Asks the loop to stop after the current poll and batch; returns whether it stopped within the timeout. */
    boolean stop(Duration timeout) {
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

    private static boolean awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
