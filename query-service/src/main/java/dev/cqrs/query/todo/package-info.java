/** Todo queries over {@code read_db.todo_view} on the replicas: one todo (with consistency tokens) and keyset pages. */
package dev.cqrs.query.todo;
