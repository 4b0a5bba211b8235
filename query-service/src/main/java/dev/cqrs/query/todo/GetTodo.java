package dev.cqrs.query.todo;

/** Query: one todo by id. */
record GetTodo(String id) {
}
