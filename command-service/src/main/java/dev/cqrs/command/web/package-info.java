/**
 * The request plumbing around every endpoint: correlation id and caller ({@code X-Correlation-Id}, {@code X-User-Id})
 * bound as event metadata, the body cap, CORS, and RFC 9457 problem details for every error (mapping
 * {@code CommandRefused} to 404/409/412). Sub-package {@code idempotency} handles {@code Idempotency-Key}. On top:
 * nothing else in the service depends on it.
 */
package dev.cqrs.command.web;
