package dev.cqrs.query.todo;

/**
 * Query: a page of todos in creation order (created_at, then id).
 *
 * @param after where the previous page ended, or {@code null} for the first page
 */
record ListTodos(int limit, TodoCursor after) {
}
