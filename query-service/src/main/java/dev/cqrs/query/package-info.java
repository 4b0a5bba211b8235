/**
 * The query service, the read side over HTTP. Its features ({@code todo}, {@code employee}, {@code audit}) are
 * independent of each other; each owns its controller, queries, handlers and the reads of its store. Shared below
 * them: {@code web} (errors, paging, API docs), {@code consistency} (read-your-writes waits), {@code replica} (MySQL
 * replicas through the weighted DNS name) and {@code dynamodb} (the client and attribute reading).
 */
package dev.cqrs.query;
