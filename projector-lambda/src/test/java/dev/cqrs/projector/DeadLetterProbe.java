package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.store.DeadLetterFormat;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads back what the projector dead-lettered, on the stack's real projector DLQ. */
public final class DeadLetterProbe {

    private DeadLetterProbe() {
    }

    /**
     * The reason attributes of the DLQ messages dead-lettered for {@code originals}, by original message id (deadline
     * 30 s); those DLQ messages are deleted afterwards, and each must carry its original's body unchanged. The DLQ is
     * shared with other tests and runs: messages that are not ours are left alone (hidden for a while by our receive,
     * which is what lets the search page through them).
     */
    public static Map<String, String> reasons(SqsClient sqs, SQSMessage... originals) {
        String dlqUrl = sqs.getQueueUrl(r -> r.queueName(StackEnv.require("PROJECTOR_DLQ_NAME"))).queueUrl();
        Map<String, SQSMessage> wanted = new HashMap<>();
        for (SQSMessage original : originals) {
            wanted.put(original.getMessageId(), original);
        }
        Map<String, String> reasons = new ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(30).messageAttributeNames("All")).messages()) {
                MessageAttributeValue originalId = message.messageAttributes().get(DeadLetterFormat.ORIGINAL_MESSAGE_ID);
                if (originalId != null && wanted.containsKey(originalId.stringValue())) {
                    // Deleted at once: in a FIFO DLQ the next message of the same group (aggregate) is not handed
                    // out while this one is in flight.
                    sqs.deleteMessage(r -> r.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
                    assertThat(message.body()).isEqualTo(wanted.get(originalId.stringValue()).getBody());
                    reasons.put(originalId.stringValue(),
                            message.messageAttributes().get(DeadLetterFormat.REASON).stringValue());
                }
            }
            return reasons.keySet().containsAll(wanted.keySet());
        });
        return reasons;
    }
}
