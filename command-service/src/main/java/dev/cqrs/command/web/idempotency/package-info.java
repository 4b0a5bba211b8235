/**
 * {@code Idempotency-Key}: a servlet filter that replays stored responses, the key records in MySQL, and the command
 * listener that marks a key used inside the command's own transaction. Part of the web layer.
 */
package dev.cqrs.command.web.idempotency;
