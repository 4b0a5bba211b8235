package dev.cqrs.projector.projection;

/**
 * The event is more than one version ahead of its read model: version {@code n} arrived while the read model is at
 * {@code stored < n - 1}. On a FIFO queue (one message group per aggregate, the relay publishing each aggregate's
 * events in order) a later event is delivered only after every earlier one of its group has been deleted, so the
 * missing ones can only have left through the dead-letter queue: dead-lettered as poison, or moved there by the
 * queue's redrive policy after maxReceiveCount receives (a long outage, an event newer than this build). Waiting
 * would only send this one there too, five receives later; so it follows them into the dead-letter queue at once,
 * in order, and an operator's redrive brings the whole run back (a sequenced dead-letter queue: the version gap IS
 * the aggregate's parked state, nothing else has to be recorded or released).
 * <p>
 * Thrown by a {@link Projection}; the message handler dead-letters the message with this message as the reason.
 */
public final class VersionGapException extends RuntimeException {

    public VersionGapException(String message) {
        super(message);
    }
}
