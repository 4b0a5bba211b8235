package dev.cqrs.projector.redrive;

import dev.cqrs.contracts.store.DeadLetterFormat;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves every message of a FIFO dead-letter queue back to its source queue, each aggregate's messages in their order:
 * the operator's half of the sequenced dead-letter queue. Nothing has to be released first: the projector dead-letters
 * an event only while its aggregate's read model has a version gap, so once the earliest missing event is back at the
 * head of its group the run applies; a message that is still poison is dead-lettered again, with the ones behind it.
 * A later event of a group that was still on its way into the DLQ while this ran lands behind the moved ones; a
 * second redrive brings it back (each redrive applies at least the earliest missing event of every group).
 * <p>
 * Hand-written rather than SQS's own redrive ({@code StartMessageMoveTask}): that one gives the moved messages new
 * deduplication ids but does not keep a FIFO group's order across the move, and the local emulator does not implement
 * it.
 * <p>
 * FIFO receives hand out a group's next message only after the previous one is deleted, so the loop works batch by
 * batch: receive up to 10, send them in order, delete them. The send's deduplication id is
 * derived from the DLQ message id: a crash between send and delete re-sends within SQS's 5-minute deduplication
 * window as a no-op, and later the consumers' version rule makes it one.
 */
final class Redrive {

    /**
     * The attributes the consumers' dead-letter writers add ({@link DeadLetterFormat}); not sent back. Plus the
     * projector's former name for the source queue, which messages parked by earlier builds still carry.
     */
    private static final Set<String> DEAD_LETTER_ATTRIBUTES = union(DeadLetterFormat.ATTRIBUTES, "sourceQueueArn");

    private final SqsClient sqs;

    Redrive(SqsClient sqs) {
        this.sqs = sqs;
    }

    /**
     * @return how many messages were moved, by message group, in the order they were moved
     */
    Map<String, Integer> move(String deadLetterQueue, String sourceQueue) {
        String from = sqs.getQueueUrl(r -> r.queueName(deadLetterQueue)).queueUrl();
        String to = sqs.getQueueUrl(r -> r.queueName(sourceQueue)).queueUrl();
        Map<String, Integer> moved = new LinkedHashMap<>();
        int emptyReceives = 0;
        while (emptyReceives < 2) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(from).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(60).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                emptyReceives++;
                continue;
            }
            emptyReceives = 0;
            for (Message message : batch) {
                sqs.sendMessage(backToSource(to, message));
                sqs.deleteMessage(r -> r.queueUrl(from).receiptHandle(message.receiptHandle()));
                moved.merge(groupOf(message), 1, Integer::sum);
            }
        }
        return moved;
    }

    static SendMessageRequest backToSource(String queueUrl, Message message) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(message.messageAttributes());
        DEAD_LETTER_ATTRIBUTES.forEach(attributes::remove);
        return SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(message.body())
                .messageAttributes(attributes)
                .messageGroupId(groupOf(message))
                .messageDeduplicationId("redrive-" + message.messageId())
                .build();
    }

    private static Set<String> union(Set<String> names, String name) {
        Set<String> all = new LinkedHashSet<>(names);
        all.add(name);
        return Set.copyOf(all);
    }

    private static String groupOf(Message message) {
        String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        if (group == null) {
            throw new IllegalStateException("message " + message.messageId() + " has no MessageGroupId: only FIFO "
                    + "dead-letter queues can be redriven in order");
        }
        return group;
    }
}
