package dev.cqrs.query.todo;

import dev.cqrs.query.consistency.ConsistencyToken;

/**
 * Query: one todo by id.
 *
 * @param atLeast the client's consistency token, or {@code null} to read once without waiting
 */
record GetTodo(String id, ConsistencyToken atLeast) {
}
