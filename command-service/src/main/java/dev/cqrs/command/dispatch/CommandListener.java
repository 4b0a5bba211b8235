package dev.cqrs.command.dispatch;

/**
 * Told about every command the {@link CommandDispatcher} runs, so cross-cutting concerns (the Idempotency-Key record)
 * can tie themselves to the command's transaction without handlers knowing. All methods run on the request thread.
 */
public interface CommandListener {

    /** The handler is about to run (once per dispatch, before the first attempt). */
    default void handling(Command<?> command) {
    }

    /**
     * Inside the command's transaction, after the handler succeeded and before the commit: what is written here commits
     * or rolls back together with the command's effect. Throwing rolls the command back. Runs again on a retry.
     */
    default void beforeCommit(Command<?> command) {
    }

    /** The command's transaction committed. */
    default void committed(Command<?> command) {
    }
}
