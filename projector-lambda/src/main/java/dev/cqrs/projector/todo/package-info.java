/**
 * Todo read model: {@code read_db.todo_view} on the MySQL primary, one version-gated insert or update per event,
 * deletions kept as tombstones.
 */
package dev.cqrs.projector.todo;
