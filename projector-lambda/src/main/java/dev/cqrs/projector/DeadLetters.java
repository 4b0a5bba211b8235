package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/** Where messages go that can never be processed, so they stop blocking their group and a human can look at them. */
interface DeadLetters {

    /**
     * Parks the message with the reason it was rejected.
     *
     * @throws RuntimeException if it could not be parked; the caller must then leave the message on its queue
     */
    void send(SQSMessage message, String reason);
}
