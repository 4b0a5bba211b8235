/**
 * Todos: {@code /api/todos}, the todo commands and their handlers, the {@link dev.cqrs.command.todo.Todo} aggregate
 * (every rule and the event it emits) and the {@code todo} table. Depends on {@code dispatch}, {@code outbox},
 * {@code api} and the contracts; never on another feature or on {@code web}.
 */
package dev.cqrs.command.todo;
