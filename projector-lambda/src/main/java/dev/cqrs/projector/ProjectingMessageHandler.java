package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a message with the shared codec and hands the event to the read models. A message that can never be
 * applied is parked in the dead-letter queue at once (with the reason) and counts as done: retrying it five times
 * would only delay the messages behind it in its FIFO group.
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
            EventEnvelope event = EventJson.read(message.getBody());
            router.route(event);
        } catch (InvalidEventException invalid) {
            log.warn("message {} is invalid, sending it to the DLQ: {}", message.getMessageId(), invalid.getMessage());
            // If this throws, the message stays on the queue and SQS's redrive policy is the safety net.
            deadLetters.send(message, invalid.getMessage());
        }
    }
}
