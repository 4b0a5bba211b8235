package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Processes a batch in order and reports the messages to retry, as Lambda's partial batch response expects.
 *
 * <p>FIFO: the events of one message group (one aggregate) must be applied in order. Once a message of a group fails,
 * the later messages of that group in the batch are not processed and are reported as failed too, so they are
 * redelivered after it (AWS: "stop processing after the first failure and return all failed and unprocessed
 * messages"). Other groups are independent and go on. Messages without a group (standard queue) are independent.
 */
final class PartialBatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(PartialBatchProcessor.class);
    static final String MESSAGE_GROUP_ID = "MessageGroupId";

    private final MessageHandler handler;

    PartialBatchProcessor(MessageHandler handler) {
        this.handler = handler;
    }

    SQSBatchResponse process(List<SQSMessage> messages) {
        List<BatchItemFailure> failures = new ArrayList<>();
        Set<String> blockedGroups = new HashSet<>();
        for (SQSMessage message : messages) {
            String group = groupOf(message);
            if (group != null && blockedGroups.contains(group)) {
                log.info("message {} not processed: an earlier message of group {} failed", message.getMessageId(), group);
                failures.add(new BatchItemFailure(message.getMessageId()));
                continue;
            }
            try {
                handler.handle(message);
            } catch (RuntimeException e) {
                log.warn("message {} failed, will be redelivered: {}", message.getMessageId(), e.toString());
                failures.add(new BatchItemFailure(message.getMessageId()));
                if (group != null) {
                    blockedGroups.add(group);
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** The FIFO message group (the aggregate id), or null on a standard queue. */
    static String groupOf(SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        return attributes == null ? null : attributes.get(MESSAGE_GROUP_ID);
    }
}
