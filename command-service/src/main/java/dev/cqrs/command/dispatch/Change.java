package dev.cqrs.command.dispatch;

import dev.cqrs.contracts.DomainEvent;

import java.time.Instant;

/**
 * What an aggregate decided when it accepted a command: its state afterwards (carrying the new version), the one event
 * that records the change, and the instant both are stamped with. A handler saves {@code state} and appends
 * {@code event} in the same transaction; a refusal is a {@link CommandRefused} instead.
 */
public record Change<A extends Versioned>(A state, DomainEvent event, Instant at) {

    /** The aggregate's version after the change: the event's aggregate version. */
    public long version() {
        return state.version();
    }
}
