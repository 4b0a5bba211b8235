package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/** Processes one message; returning normally means it may be deleted from the queue. */
@FunctionalInterface
interface MessageHandler {

    /** @throws RuntimeException if the message should be redelivered later */
    void handle(SQSMessage message);
}
