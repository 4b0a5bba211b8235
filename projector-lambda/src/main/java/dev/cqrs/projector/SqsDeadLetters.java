package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.store.DeadLetterFormat;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The projector's dead-letter queue (the same one SQS's redrive policy uses after 5 receives). The original body is
 * kept unchanged; why it was rejected and where it came from travel as the message attributes of
 * {@link DeadLetterFormat}, the same as audit-worker's.
 */
final class SqsDeadLetters implements DeadLetters {

    private final SqsClient sqs;
    private final String queueUrl;
    private final boolean fifo;

    SqsDeadLetters(SqsClient sqs, String queueName) {
        this.sqs = sqs;
        // Looked up, never created: the queues belong to the infrastructure (infra/resources.json).
        this.queueUrl = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        this.fifo = queueName.endsWith(".fifo");
    }

    @Override
    public void send(SQSMessage message, String reason) {
        sqs.sendMessage(request(queueUrl, fifo, message, reason));
    }

    static SendMessageRequest request(String queueUrl, boolean fifo, SQSMessage message, String reason) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(DeadLetterFormat.REASON, text(DeadLetterFormat.reason(reason)));
        attributes.put(DeadLetterFormat.ORIGINAL_MESSAGE_ID, text(message.getMessageId()));
        if (message.getEventSourceArn() != null) {
            attributes.put(DeadLetterFormat.SOURCE_QUEUE, text(DeadLetterFormat.queueName(message.getEventSourceArn())));
        }
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(message.getBody())
                .messageAttributes(attributes);
        if (fifo) {
            // The original group (the aggregate), so the DLQ keeps each aggregate's parked events in order and a
            // redrive sends them back in order (a sequenced dead-letter queue); deduplicated by the original id, so a
            // redelivery of the same message (crash between send and delete) is parked only once.
            String group = PartialBatchProcessor.groupOf(message);
            request.messageGroupId(group != null ? group : message.getMessageId())
                    .messageDeduplicationId(message.getMessageId());
        }
        return request.build();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
