/**
 * The request plumbing around every endpoint: correlation id ({@code X-Correlation-Id}) and caller (the access
 * token's subject) bound as event metadata, bearer-token security ({@code SecurityConfig}: the scope of each endpoint), the body cap, CORS, and RFC 9457 problem details for every error (mapping
 * {@code CommandRefused} to 404/409/412). Sub-package {@code idempotency} handles {@code Idempotency-Key}. On top:
 * nothing else in the service depends on it.
 */
package dev.cqrs.command.web;
