package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.UnsupportedEventException;
import dev.cqrs.projector.projection.RetryLaterException;
import dev.cqrs.projector.projection.VersionGapException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a message with the shared codec and hands the event to the read models, keeping each aggregate's events
 * in order even when one of them cannot be applied (a sequenced dead-letter queue):
 * <ul>
 *   <li>poison ({@link InvalidEventException}: can never be applied) goes to the dead-letter queue at once, with the
 *       reason: retrying it five times would only delay the messages behind it;</li>
 *   <li>every later event of that aggregate then finds a version gap ({@link VersionGapException}) and follows it
 *       into the dead-letter queue, in order, so nothing is applied over the hole; an operator's redrive
 *       (bin/redrive) sends them back in order once the cause is fixed. The same holds for an event the queue's
 *       redrive policy moved there (maxReceiveCount);</li>
 *   <li>an event newer than this build ({@link UnsupportedEventException}: unknown type, newer schema) is NOT poison:
 *       it fails and is redelivered, holding its group, until the projector is upgraded.</li>
 * </ul>
 */
final class ProjectingMessageHandler implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(ProjectingMessageHandler.class);

    private final ProjectionRouter router;
    private final DeadLetters deadLetters;

    ProjectingMessageHandler(ProjectionRouter router, DeadLetters deadLetters) {
        this.router = router;
        this.deadLetters = deadLetters;
    }

    @Override
    public void handle(SQSMessage message) {
        try {
            router.route(EventJson.read(message.getBody()));
        } catch (UnsupportedEventException newer) {
            throw new RetryLaterException(newer.getMessage());
        } catch (InvalidEventException | VersionGapException cannotApply) {
            // If the send throws, the message stays on the queue and comes back (the DLQ send is deduplicated by the
            // original message id; SQS's redrive policy is the last safety net).
            log.warn("message {} goes to the DLQ: {}", message.getMessageId(), cannotApply.getMessage());
            deadLetters.send(message, cannotApply.getMessage());
        }
    }
}
