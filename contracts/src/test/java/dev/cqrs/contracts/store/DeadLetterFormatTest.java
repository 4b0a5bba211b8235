package dev.cqrs.contracts.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterFormatTest {

    @Test
    void reasonsAreNeverBlankAndBounded() {
        assertThat(DeadLetterFormat.reason(null)).isEqualTo("unknown");
        assertThat(DeadLetterFormat.reason(" ")).isEqualTo("unknown");
        assertThat(DeadLetterFormat.reason("body is not JSON")).isEqualTo("body is not JSON");
        assertThat(DeadLetterFormat.reason("x".repeat(DeadLetterFormat.MAX_REASON_LENGTH)))
                .hasSize(DeadLetterFormat.MAX_REASON_LENGTH).doesNotEndWith("…");
        assertThat(DeadLetterFormat.reason("x".repeat(5000)))
                .hasSize(DeadLetterFormat.MAX_REASON_LENGTH).endsWith("…");
    }

    @Test
    void theSourceQueueIsNamedByNameEvenWhenKnownByArn() {
        assertThat(DeadLetterFormat.queueName("arn:aws:sqs:us-east-1:000000000000:projector.fifo"))
                .isEqualTo("projector.fifo");
        assertThat(DeadLetterFormat.queueName("projector.fifo")).isEqualTo("projector.fifo");
    }
}
