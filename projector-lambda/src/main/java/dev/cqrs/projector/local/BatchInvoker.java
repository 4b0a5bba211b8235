package dev.cqrs.projector.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One received batch, as Lambda's event source mapping handles it: invoke the handler, delete the messages it did not
 * report as failed, leave the failed ones alone (they come back after the queue's visibility timeout, the retry
 * back-off, and after 5 receives SQS's redrive policy moves them to the DLQ).
 */
final class BatchInvoker {

    private static final Logger log = LoggerFactory.getLogger(BatchInvoker.class);

    /** What Lambda would give one invocation; only informs the handler's Context. */
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);

    private final SqsClient sqs;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Consumer<String> onDeleted;

    /** @param onDeleted told the id of every message SQS confirmed as deleted */
    BatchInvoker(SqsClient sqs, RequestHandler<SQSEvent, SQSBatchResponse> handler, Consumer<String> onDeleted) {
        this.sqs = sqs;
        this.handler = handler;
        this.onDeleted = onDeleted;
    }

    void invoke(String queueUrl, List<Message> messages, SQSEvent event) {
        Set<String> failed;
        try {
            SQSBatchResponse response = handler.handleRequest(event, new LocalContext(INVOCATION_TIMEOUT));
            failed = BatchResponses.failedIds(response, messages);
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
}
