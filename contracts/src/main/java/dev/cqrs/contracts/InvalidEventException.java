package dev.cqrs.contracts;

/**
 * A message that can never be processed, however often it is retried: malformed JSON, a missing field, an unknown
 * event type or schema version. Consumers send such messages to their dead-letter queue with this message as the reason.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public InvalidEventException(String reason) {
        super(reason);
    }
}
