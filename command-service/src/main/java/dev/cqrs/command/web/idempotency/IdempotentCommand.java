package dev.cqrs.command.web.idempotency;

import dev.cqrs.command.dispatch.Command;
import dev.cqrs.command.dispatch.CommandListener;
import dev.cqrs.command.dispatch.CommandRefused;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Ties the request's Idempotency-Key to the command it runs: the key is marked APPLIED inside the command's
 * transaction (fenced by the request's owner token), and the filter learns whether the command committed. The key is
 * bound to the request thread by {@link IdempotencyFilter}; requests without a key are untouched.
 */
@Component
class IdempotentCommand implements CommandListener {

    /** The key the current request holds, and whether its command committed. */
    static final class Held {
        final String actor;
        final String key;
        final String owner;
        boolean committed;

        Held(String actor, String key, String owner) {
            this.actor = actor;
            this.key = key;
            this.owner = owner;
        }
    }

    private static final ThreadLocal<Held> CURRENT = new ThreadLocal<>();

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration lease;

    IdempotentCommand(IdempotencyStore store, Clock clock, @Value("${commands.idempotency.lease:30s}") Duration lease) {
        this.store = store;
        this.clock = clock;
        this.lease = lease;
    }

    static Held hold(String actor, String key, String owner) {
        Held held = new Held(actor, key, owner);
        CURRENT.set(held);
        return held;
    }

    static void drop() {
        CURRENT.remove();
    }

    @Override
    public void beforeCommit(Command<?> command) {
        Held held = CURRENT.get();
        if (held != null && !store.markApplied(held.actor, held.key, held.owner, clock.instant().plus(lease))) {
            // this request's lease ran out and a retry took the key over: only one of them may commit
            throw CommandRefused.conflict("Request in progress",
                    "A retry with this Idempotency-Key took over while this request was still running");
        }
    }

    @Override
    public void committed(Command<?> command) {
        Held held = CURRENT.get();
        if (held != null) {
            held.committed = true;
        }
    }
}
