package dev.cqrs.projector.projection;

/**
 * The event cannot be applied yet but may be on a later delivery (e.g. it arrived before the event creating its
 * aggregate). Unlike {@link dev.cqrs.contracts.InvalidEventException} it is reported as a batch item failure, so SQS
 * redelivers it (and its redrive policy parks it in the DLQ if it never succeeds) instead of it being lost.
 */
public final class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message) {
        super(message);
    }
}
