package dev.cqrs.query.todo;

/**
 * Query: a page of todos in creation order (created_at, then id), tombstones left out.
 *
 * @param cursor        where the previous page ended, or {@code null} for the first page
 * @param completed     only todos in that state, or {@code null} for both
 * @param titleContains only todos whose title contains this text, ignoring case, or {@code null} for all
 */
record ListTodos(int limit, TodoCursor cursor, Boolean completed, String titleContains) {
}
