package dev.cqrs.command.dispatch;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ResolvableType;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The mediator: controllers depend on this alone and never on handlers. Each command type has exactly one handler,
 * checked at start-up, and every command runs in ONE transaction on the primary.
 *
 * <p>A transaction that loses a deadlock or times out waiting for a lock ({@link PessimisticLockingFailureException})
 * is rolled back by the database and re-run from the start, up to {@code commands.lock-attempts} times in all; if it
 * still cannot get its locks the caller gets a 409 ({@link CommandRefused#busy()}), never a 500.
 *
 * <p>Each dispatch is one observation {@code command} (tag {@code command} = the command's type): a span named after
 * the command, child of the HTTP request's, inside which the handler and the outbox append run (the outbox row keeps
 * that span's trace context), and a timer of the same name.
 *
 * <p>Hand-written rather than a library: it is a few dozen lines, and owning it lets the transaction boundary sit
 * here, in one place, instead of on every handler.
 */
@Component
public class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final Map<Class<?>, CommandHandler<?, ?>> handlers = new HashMap<>();
    private final TransactionTemplate transaction;
    private final List<CommandListener> listeners;
    private final int lockAttempts;
    private final ObservationRegistry observations;

    CommandDispatcher(List<CommandHandler<?, ?>> handlers, TransactionTemplate transaction,
                      List<CommandListener> listeners, @Value("${commands.lock-attempts:4}") int lockAttempts,
                      ObservationRegistry observations) {
        this.transaction = transaction;
        this.observations = observations;
        this.listeners = List.copyOf(listeners);
        this.lockAttempts = Math.max(1, lockAttempts);
        for (CommandHandler<?, ?> handler : handlers) {
            Class<?> commandType = ResolvableType.forClass(CommandHandler.class, ClassUtils.getUserClass(handler))
                    .resolveGeneric(0);
            if (commandType == null) {
                throw new IllegalStateException(handler.getClass() + " must declare its command type");
            }
            CommandHandler<?, ?> previous = this.handlers.put(commandType, handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for " + commandType.getSimpleName() + ": "
                        + previous.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
            }
        }
    }

    public <R> R dispatch(Command<R> command) {
        String name = command.getClass().getSimpleName();
        return Observation.createNotStarted("command", observations)
                .contextualName(name)
                .lowCardinalityKeyValue("command", name)
                .observe(() -> run(command));
    }

    @SuppressWarnings("unchecked")
    private <R> R run(Command<R> command) {
        var handler = (CommandHandler<Command<R>, R>) handlers.get(command.getClass());
        if (handler == null) {
            throw new IllegalStateException("No handler for " + command.getClass().getSimpleName());
        }
        listeners.forEach(listener -> listener.handling(command));
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    R result = handler.handle(command);
                    listeners.forEach(listener -> listener.beforeCommit(command));
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            listeners.forEach(listener -> listener.committed(command));
                        }
                    });
                    return result;
                });
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= lockAttempts) {
                    log.info("{} still lost lock conflicts after {} attempts: {}", command.getClass().getSimpleName(),
                            attempt, e.getMostSpecificCause().getMessage());
                    throw CommandRefused.busy();
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** Jittered, growing pause: the transactions that deadlocked together should not collide again in step. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandRefused.busy();
        }
    }
}
