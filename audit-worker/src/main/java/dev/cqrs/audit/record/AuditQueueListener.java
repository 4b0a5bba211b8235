package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.InvalidEventException;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.annotation.SqsListenerAcknowledgementMode;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Consumes the FIFO audit queue (raw SNS delivery: the body is the event envelope). Long polling, batch size and
 * the queue-not-found strategy (FAIL) are set in application.yml.
 *
 * <p>Acknowledged only when this method returns: a recorded event, an already recorded one, or a message parked in
 * the DLQ (poison). An event newer than this build is not poison: it is retried until the worker is upgraded. Anything else (DynamoDB unavailable, throttled) throws, the message is not acknowledged and SQS delivers
 * it again after the visibility timeout; after the queue's maxReceiveCount its redrive policy moves it to the DLQ.
 * For FIFO queues Spring Cloud AWS processes each message group in order and the groups in parallel; a failure skips
 * the rest of that group's batch only, so one stuck aggregate does not hold up the others.
 */
@Component
class AuditQueueListener {

    private final AuditTrail auditTrail;
    private final DeadLetterQueue deadLetterQueue;

    AuditQueueListener(AuditTrail auditTrail, DeadLetterQueue deadLetterQueue) {
        this.auditTrail = auditTrail;
        this.deadLetterQueue = deadLetterQueue;
    }

    /**
     * Takes the SDK's message rather than a converted payload: the body is read only by {@link EventJson}, and the
     * DLQ needs the original body, message id and group.
     * The visibility is set so that, while one group's batch is worked through in order, the later messages of that
     * group stay hidden (Spring Cloud AWS extends it for the remaining messages before each one); it is also the
     * delay before a failed message is tried again.
     */
    @SqsListener(value = "${audit-worker.queue}", acknowledgementMode = SqsListenerAcknowledgementMode.ON_SUCCESS,
            messageVisibilitySeconds = "30")
    void onMessage(Message message) {
        EventEnvelope event;
        try {
            event = EventJson.read(message.body());
        } catch (InvalidEventException e) {
            deadLetterQueue.park(message, e.getMessage());
            return;
        }
        // An UnsupportedEventException (a type or schema version newer than this build) is not caught: the message is
        // not acknowledged and comes back until the worker is upgraded, rather than leaving a hole in the audit trail.
        auditTrail.record(event);
    }
}
