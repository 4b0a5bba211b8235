package dev.cqrs.audit.record;

import dev.cqrs.contracts.store.DeadLetterFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.Map;

/**
 * Parks messages that can never be processed in the audit DLQ, with the reason, so the listener can acknowledge them
 * and go on: the original body plus the attributes of {@link DeadLetterFormat}, the same as the projector's. Hand-written with the SDK client rather than SqsTemplate: the DLQ must receive the original body
 * byte-for-byte with exactly these attributes, and SqsTemplate would run the body through its converter and add
 * headers of its own.
 */
@Component
class DeadLetterQueue {

    /** FIFO needs a group; a message that arrived without one (it cannot on a FIFO queue, but be safe) gets this. */
    static final String FALLBACK_GROUP = "poison";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueue.class);

    private final SqsAsyncClient sqs;
    private final String sourceQueue;
    private final String url;

    /** Resolves the DLQ's URL at start-up, so a missing DLQ stops the worker instead of surfacing on the first bad message. */
    DeadLetterQueue(SqsAsyncClient sqs, AuditWorkerProperties properties) {
        this.sqs = sqs;
        this.sourceQueue = properties.queue();
        this.url = sqs.getQueueUrl(request -> request.queueName(properties.deadLetterQueue())).join().queueUrl();
    }

    /**
     * Sends the message's original body to the DLQ. Deduplicated by the original message id, so a retry after a
     * failed acknowledgement does not park it twice. Throws if the send fails: the original is then not acknowledged
     * and comes back.
     */
    void park(Message message, String reason) {
        String group = message.attributes().getOrDefault(MessageSystemAttributeName.MESSAGE_GROUP_ID, FALLBACK_GROUP);
        String boundedReason = DeadLetterFormat.reason(reason);
        sqs.sendMessage(request -> request
                .queueUrl(url)
                .messageBody(message.body())
                .messageGroupId(group)
                .messageDeduplicationId(message.messageId())
                .messageAttributes(Map.of(
                        DeadLetterFormat.REASON, text(boundedReason),
                        DeadLetterFormat.SOURCE_QUEUE, text(sourceQueue),
                        DeadLetterFormat.ORIGINAL_MESSAGE_ID, text(message.messageId()))))
                .join();
        log.warn("Message {} from {} parked in the dead-letter queue: {}", message.messageId(), sourceQueue, boundedReason);
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
