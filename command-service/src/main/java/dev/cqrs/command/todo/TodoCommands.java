package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Command;

import java.util.OptionalLong;

/**
 * The commands on todos, validated at the edge ({@link TodoController.TodoRequest}) and each run by its own handler.
 * {@code expectedVersion} comes from If-Match; empty means "whatever is current". Kept together because each is one
 * line.
 */
final class TodoCommands {

    private TodoCommands() {
    }

    /** Title already stripped; description optional. */
    record CreateTodo(String title, String description) implements Command<TodoVersion> {
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
