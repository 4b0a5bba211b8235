package dev.cqrs.command.dispatch;

import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mediator: controllers depend on this alone and never on handlers. Each command type has exactly one handler,
 * checked at start-up, and every command runs in ONE transaction on the primary.
 *
 * <p>Hand-written rather than a library: it is thirty lines, and owning it lets the transaction boundary sit here, in
 * one place, instead of on every handler.
 */
@Component
public class CommandDispatcher {

    private final Map<Class<?>, CommandHandler<?, ?>> handlers = new HashMap<>();
    private final TransactionTemplate transaction;

    CommandDispatcher(List<CommandHandler<?, ?>> handlers, TransactionTemplate transaction) {
        this.transaction = transaction;
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

    @SuppressWarnings("unchecked")
    public <R> R dispatch(Command<R> command) {
        var handler = (CommandHandler<Command<R>, R>) handlers.get(command.getClass());
        if (handler == null) {
            throw new IllegalStateException("No handler for " + command.getClass().getSimpleName());
        }
        return transaction.execute(status -> handler.handle(command));
    }
}
