package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
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
        assertThat(request.messageAttributes().get("sourceQueueArn").stringValue()).isEqualTo(poison.getEventSourceArn());
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
                .hasSize(SqsDeadLetters.MAX_REASON_LENGTH).endsWith("…");
        assertThat(SqsDeadLetters.request("u", true, poison, null).messageAttributes().get("reason").stringValue())
                .isEqualTo("unknown");
    }
}
