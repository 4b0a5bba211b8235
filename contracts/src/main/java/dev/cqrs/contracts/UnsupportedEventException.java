package dev.cqrs.contracts;

/**
 * A well-formed event this consumer is too old to read: an event type it does not know, or a {@code schemaVersion}
 * newer than the one it was built with. Typical when the producer is deployed before the consumers. NOT poison: the
 * message must wait (be retried, its FIFO group held) until the consumer is upgraded, because parking it would leave
 * a hole in the read model and let the aggregate's later events overtake it.
 */
public class UnsupportedEventException extends RuntimeException {

    public UnsupportedEventException(String reason) {
        super(reason);
    }
}
