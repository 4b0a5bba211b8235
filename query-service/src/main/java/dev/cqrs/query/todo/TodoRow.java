package dev.cqrs.query.todo;

/**
 * A {@code todo_view} row as stored, tombstones included: only the consistency-token wait looks at tombstones (a
 * deletion is a version too); every answer leaves them out.
 */
record TodoRow(TodoView todo, boolean deleted) {
}
