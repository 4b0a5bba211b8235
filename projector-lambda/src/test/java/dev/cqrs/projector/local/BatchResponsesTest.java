package dev.cqrs.projector.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchResponsesTest {

    private final List<Message> batch = List.of(message("a"), message("b"), message("c"));

    @Test
    void keepsOnlyTheReportedFailures() {
        SQSBatchResponse response = new SQSBatchResponse(List.of(new BatchItemFailure("b")));

        assertThat(BatchResponses.failedIds(response, batch)).containsExactly("b");
    }

    @Test
    void noResponseOrNoFailuresMeansEverythingIsDone() {
        assertThat(BatchResponses.failedIds(null, batch)).isEmpty();
        assertThat(BatchResponses.failedIds(new SQSBatchResponse(List.of()), batch)).isEmpty();
    }

    @Test
    void aFailureNamingAnUnknownMessageFailsTheWholeBatchLikeLambda() {
        SQSBatchResponse response = new SQSBatchResponse(List.of(new BatchItemFailure("zzz")));

        assertThat(BatchResponses.failedIds(response, batch)).containsExactlyInAnyOrder("a", "b", "c");
    }

    private static Message message(String id) {
        return Message.builder().messageId(id).receiptHandle("rh-" + id).body("{}").build();
    }
}
