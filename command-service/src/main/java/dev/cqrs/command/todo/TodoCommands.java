package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Command;

import java.util.OptionalLong;

/**
 * The commands on an existing todo. {@code expectedVersion} comes from If-Match; empty means "whatever is current".
 * Kept together because each is one line; each has its own handler.
 */
final class TodoCommands {

    private TodoCommands() {
    }

    record EditTodo(String id, String title, String description, OptionalLong expectedVersion)
            implements Command<TodoVersion> {
    }

    record CompleteTodo(String id, OptionalLong expectedVersion) implements Command<TodoVersion> {
    }

    record ReopenTodo(String id, OptionalLong expectedVersion) implements Command<TodoVersion> {
    }

    record DeleteTodo(String id, OptionalLong expectedVersion) implements Command<TodoVersion> {
    }
}
