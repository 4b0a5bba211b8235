package dev.cqrs.command.dispatch;

/**
 * Handles exactly one command type. Runs inside the transaction the {@link CommandDispatcher} opens, so everything it
 * writes (the entity and its outbox events) commits or rolls back together.
 */
public interface CommandHandler<C extends Command<R>, R> {

    R handle(C command);
}
