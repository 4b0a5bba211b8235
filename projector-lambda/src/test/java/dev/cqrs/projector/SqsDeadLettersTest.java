package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.store.DeadLetterFormat;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SqsDeadLettersTest {

    private final SQSMessage poison = TestEvents.record("{oops", "todo-1");

    @Test
    void fifoDeadLetterKeepsTheBodyAndTheAggregatesGroupAndIsKeyedByTheOriginalMessageId() {
        SendMessageRequest request = SqsDeadLetters.request("https://dlq", true, poison, "body is not JSON");

        assertThat(request.queueUrl()).isEqualTo("https://dlq");
        assertThat(request.messageBody()).isEqualTo("{oops");
        assertThat(request.messageGroupId()).as("the aggregate, so a redrive keeps its order").isEqualTo("todo-1");
        assertThat(request.messageDeduplicationId()).isEqualTo(poison.getMessageId());
        assertThat(request.messageAttributes().get("reason").stringValue()).isEqualTo("body is not JSON");
        assertThat(request.messageAttributes().get("originalMessageId").stringValue()).isEqualTo(poison.getMessageId());
        assertThat(request.messageAttributes().get("sourceQueue").stringValue()).as("by name, as audit-worker's")
                .isEqualTo(poison.getEventSourceArn().substring(poison.getEventSourceArn().lastIndexOf(':') + 1));
    }

    @Test
    void standardDeadLetterHasNoGroup() {
        SendMessageRequest request = SqsDeadLetters.request("https://dlq", false, poison, "x");

        assertThat(request.messageGroupId()).isNull();
        assertThat(request.messageDeduplicationId()).isNull();
    }

    @Test
    void longReasonsAreCutAndAMissingOneIsNamed() {
        String longReason = "x".repeat(5000);

        assertThat(SqsDeadLetters.request("u", true, poison, longReason).messageAttributes().get("reason").stringValue())
                .hasSize(DeadLetterFormat.MAX_REASON_LENGTH).endsWith("…");
        assertThat(SqsDeadLetters.request("u", true, poison, null).messageAttributes().get("reason").stringValue())
                .isEqualTo("unknown");
    }
}
