package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.UnsupportedEventException;
import dev.cqrs.projector.projection.RetryLaterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Decodes a message with the shared codec and hands the event to the read models, keeping each aggregate's events
 * in order even when one of them cannot be applied:
 * <ul>
 *   <li>poison ({@link InvalidEventException}: can never be applied) is parked in the dead-letter queue at once, with
 *       the reason, and its aggregate (message group) is marked parked: retrying it five times would only delay the
 *       messages behind it;</li>
 *   <li>every later message of a parked aggregate is parked behind it, in order, so nothing is applied over the hole;
 *       an operator's redrive (bin/redrive) releases the aggregate and sends them back in order;</li>
 *   <li>an event newer than this build ({@link UnsupportedEventException}: unknown type, newer schema) is NOT poison:
 *       it fails and is redelivered, holding its group, until the projector is upgraded.</li>
 * </ul>
 */
final class ProjectingMessageHandler implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(ProjectingMessageHandler.class);

    private final ProjectionRouter router;
    private final DeadLetters deadLetters;
    private final ParkedAggregates parked;

    ProjectingMessageHandler(ProjectionRouter router, DeadLetters deadLetters, ParkedAggregates parked) {
        this.router = router;
        this.deadLetters = deadLetters;
        this.parked = parked;
    }

    @Override
    public void handle(SQSMessage message) {
        String group = groupOf(message);
        if (group != null && parked.isParked(group)) {
            log.warn("message {} of parked aggregate {} goes to the DLQ behind the parked one",
                    message.getMessageId(), group);
            deadLetters.send(message, "aggregate " + group + " is parked behind an earlier event that could not be "
                    + "applied; redrive them together");
            return;
        }
        EventEnvelope event;
        try {
            event = EventJson.read(message.getBody());
            router.route(event);
        } catch (UnsupportedEventException newer) {
            throw new RetryLaterException(newer.getMessage());
        } catch (InvalidEventException invalid) {
            log.warn("message {} is invalid, sending it to the DLQ: {}", message.getMessageId(), invalid.getMessage());
            // DLQ first, then the mark: if either throws, the message stays on the queue and comes back (the DLQ
            // send is deduplicated by the original message id; SQS's redrive policy is the last safety net).
            deadLetters.send(message, invalid.getMessage());
            if (group != null) {
                parked.park(group, message.getMessageId(), invalid.getMessage());
            }
        }
    }

    static String groupOf(SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        return attributes == null ? null : attributes.get(PartialBatchProcessor.MESSAGE_GROUP_ID);
    }
}
