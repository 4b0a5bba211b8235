package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.cqrs.projector.TestEvents.record;
import static org.assertj.core.api.Assertions.assertThat;

class PartialBatchProcessorTest {

    /** Fails the messages whose body is in {@code failing}; remembers what it was asked to handle, in order. */
    private static final class ScriptedHandler implements MessageHandler {
        final Set<String> failing;
        final List<String> handled = new ArrayList<>();

        ScriptedHandler(String... failing) {
            this.failing = Set.of(failing);
        }

        @Override
        public void handle(SQSMessage message) {
            handled.add(message.getBody());
            if (failing.contains(message.getBody())) {
                throw new IllegalStateException("database down");
            }
        }
    }

    @Test
    void allSucceedingMeansNoFailures() {
        ScriptedHandler handler = new ScriptedHandler();
        SQSBatchResponse response = new PartialBatchProcessor(handler)
                .process(List.of(record("a1", "a"), record("b1", "b"), record("a2", "a")));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(handler.handled).containsExactly("a1", "b1", "a2");
    }

    @Test
    void aFailureFailsTheRestOfItsGroupWithoutProcessingItButOtherGroupsGoOn() {
        SQSMessage a1 = record("a1", "a");
        SQSMessage b1 = record("b1", "b");
        SQSMessage a2 = record("a2", "a");
        SQSMessage b2 = record("b2", "b");
        SQSMessage a3 = record("a3", "a");
        ScriptedHandler handler = new ScriptedHandler("a2");

        SQSBatchResponse response = new PartialBatchProcessor(handler).process(List.of(a1, b1, a2, b2, a3));

        assertThat(failedIds(response)).containsExactly(a2.getMessageId(), a3.getMessageId());
        assertThat(handler.handled).containsExactly("a1", "b1", "a2", "b2");
    }

    @Test
    void withoutGroupsEveryMessageIsIndependent() {
        SQSMessage first = record("first", null);
        SQSMessage second = record("second", null);
        ScriptedHandler handler = new ScriptedHandler("first");

        SQSBatchResponse response = new PartialBatchProcessor(handler).process(List.of(first, second));

        assertThat(failedIds(response)).containsExactly(first.getMessageId());
        assertThat(handler.handled).containsExactly("first", "second");
    }

    @Test
    void anEmptyBatchHasNoFailures() {
        assertThat(new PartialBatchProcessor(new ScriptedHandler()).process(List.of()).getBatchItemFailures()).isEmpty();
    }

    static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
