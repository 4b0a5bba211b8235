package dev.cqrs.command.dispatch;

/**
 * A request to change state. Implementations are records; {@code R} is what the handler returns to the caller.
 */
public interface Command<R> {
}
