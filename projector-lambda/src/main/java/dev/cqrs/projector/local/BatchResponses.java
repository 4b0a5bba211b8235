package dev.cqrs.projector.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a handler's partial batch response as Lambda's event source mapping does. */
final class BatchResponses {

    private static final Logger log = LoggerFactory.getLogger(BatchResponses.class);

    private BatchResponses() {
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
}
