package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Command;

/** Create a todo. Validated at the edge (see {@link TodoController.CreateTodoRequest}). */
record CreateTodo(String title, String description) implements Command<TodoVersion> {
}
