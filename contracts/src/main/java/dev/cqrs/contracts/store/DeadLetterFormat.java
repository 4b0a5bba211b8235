package dev.cqrs.contracts.store;

import java.util.Set;

/**
 * The one definition of what the consumers (projector-lambda, audit-worker) add to a message they park in their
 * dead-letter queue: the original body unchanged, plus these message attributes. The redrive strips them again.
 */
public final class DeadLetterFormat {

    /** Why the message can never be processed: a one-line diagnosis, at most {@link #MAX_REASON_LENGTH} chars. */
    public static final String REASON = "reason";
    /** The name of the queue the message came from. */
    public static final String SOURCE_QUEUE = "sourceQueue";
    public static final String ORIGINAL_MESSAGE_ID = "originalMessageId";
    /** Every attribute above. */
    public static final Set<String> ATTRIBUTES = Set.of(REASON, SOURCE_QUEUE, ORIGINAL_MESSAGE_ID);

    /** Far below SQS's limits: a reason longer than this is noise (an echoed body, a stack trace). */
    public static final int MAX_REASON_LENGTH = 1024;

    private static final String NO_REASON = "unknown";

    private DeadLetterFormat() {
    }

    /** The reason as parked: never blank, at most {@link #MAX_REASON_LENGTH} chars, a cut one ending in "…". */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return NO_REASON;
        }
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    /** The queue name from a queue ARN ({@code arn:aws:sqs:region:account:name}), e.g. an SQS event's source. */
    public static String queueName(String queueArn) {
        return queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }
}
