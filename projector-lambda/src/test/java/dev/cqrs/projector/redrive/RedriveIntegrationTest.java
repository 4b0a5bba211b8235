package dev.cqrs.projector.redrive;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.todo.TodoEdited;
import dev.cqrs.projector.Projector;
import dev.cqrs.projector.ProjectorHandler;
import dev.cqrs.projector.ReadDbProbe;
import dev.cqrs.projector.ReadDbProbe.StoredTodo;
import dev.cqrs.projector.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redrive on real FIFO queues: throw-away ones created here (so the shared queues are never emptied into each
 * other), and the real handler applying what comes back.
 */
class RedriveIntegrationTest {

    private static SqsClient sqs;
    private static String source;
    private static String deadLetters;
    private static Projector projector;

    @BeforeAll
    static void queues() {
        sqs = Projector.sqsClient();
        String name = "redrive-test-" + UUID.randomUUID().toString().substring(0, 8);
        source = create(name + ".fifo");
        deadLetters = create(name + "-dlq.fifo");
        projector = Projector.fromEnvironment(System.getenv());
    }

    @AfterAll
    static void removeQueues() {
        for (String url : List.of(source, deadLetters)) {
            sqs.deleteQueue(r -> r.queueUrl(url));
        }
        sqs.close();
        projector.close();
    }

    @Test
    void movesEachAggregatesMessagesBackInOrderAndTheProjectorAppliesThem() throws Exception {
        String todoId = UUID.randomUUID().toString();
        String otherGroup = "other-" + UUID.randomUUID();
        ProjectorHandler handler = new ProjectorHandler(projector);
        assertThat(handler.handleRequest(TestEvents.event(TestEvents.record(TestEvents.todoCreated(todoId, 1, "v1"))),
                null).getBatchItemFailures()).isEmpty();
        List<EventEnvelope> parked = List.of(edited(todoId, 2, "v2"), edited(todoId, 3, "v3"), edited(todoId, 4, "v4"));
        for (EventEnvelope event : parked) {
            sendToDeadLetters(EventJson.write(event), todoId);
        }
        sendToDeadLetters("{\"not\":\"an event\"}", otherGroup);

        Map<String, Integer> moved = new Redrive(sqs).move(name(deadLetters), name(source));

        assertThat(moved).containsEntry(todoId, 3).containsEntry(otherGroup, 1);
        assertThat(receiveAll(deadLetters)).as("the DLQ is empty afterwards").isEmpty();

        List<Message> back = receiveAll(source);
        assertThat(back).filteredOn(m -> todoId.equals(group(m))).extracting(Message::body)
                .containsExactlyElementsOf(parked.stream().map(EventJson::write).toList());
        assertThat(back).allSatisfy(m -> assertThat(m.messageAttributes()).doesNotContainKeys("reason",
                "originalMessageId", "sourceQueue", "sourceQueueArn"));
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : back) {
            if (todoId.equals(group(message))) {
                records.add(TestEvents.record(message.body(), todoId));
            }
        }
        assertThat(handler.handleRequest(TestEvents.event(records.toArray(SQSEvent.SQSMessage[]::new)), null)
                .getBatchItemFailures()).isEmpty();
        assertThat(ReadDbProbe.primary().todo(todoId)).map(StoredTodo::title).contains("v4");
        assertThat(ReadDbProbe.primary().todo(todoId)).map(StoredTodo::version).contains(4L);
    }

    private static EventEnvelope edited(String todoId, long version, String title) {
        Instant at = Instant.parse("2026-11-21T19:31:00Z").plusSeconds(version);
        return TestEvents.envelope(new TodoEdited(todoId, title, null, at), version, at);
    }

    private static void sendToDeadLetters(String body, String group) {
        sqs.sendMessage(r -> r.queueUrl(deadLetters).messageBody(body).messageGroupId(group)
                .messageDeduplicationId(UUID.randomUUID().toString())
                .messageAttributes(Map.of("reason", MessageAttributeValue.builder().dataType("String")
                        .stringValue("parked by the test").build())));
    }

    /** Receives and deletes everything (FIFO: a group's next message comes only after the previous is deleted). */
    private static List<Message> receiveAll(String url) {
        List<Message> all = new ArrayList<>();
        for (int empty = 0, rounds = 0; empty < 2 && rounds < 50; rounds++) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All"))
                    .messages();
            empty = batch.isEmpty() ? empty + 1 : 0;
            for (Message message : batch) {
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
                all.add(message);
            }
        }
        return all;
    }

    private static String group(Message message) {
        return message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }

    private static String create(String name) {
        return sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
    }

    private static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
