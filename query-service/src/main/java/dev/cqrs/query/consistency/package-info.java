/**
 * Read-your-writes: the {@code X-Consistency-Token} header and the bounded wait until a read model has reached the
 * version a command answered with (503 with Retry-After otherwise).
 */
package dev.cqrs.query.consistency;
