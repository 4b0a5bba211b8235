package dev.cqrs.contracts;

/**
 * A message that can never be processed, however often it is retried: malformed JSON, a missing field, a payload that
 * contradicts its envelope. Consumers send such messages to their dead-letter queue with this message as the reason.
 * (An event merely newer than the consumer is {@link UnsupportedEventException}, which waits instead.)
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public InvalidEventException(String reason) {
        super(reason);
    }
}
