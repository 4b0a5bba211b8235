/**
 * The transactional outbox: {@link dev.cqrs.command.outbox.Outbox} appends events (with the request's
 * {@link dev.cqrs.command.outbox.EventMetadata}) in the command's transaction; the relay publishes committed rows to
 * SNS FIFO under leases, in per-aggregate order, parks rows that keep failing, and retention deletes old published
 * rows. Also the operators' endpoint for parked events. Depends on {@code dispatch} only.
 */
package dev.cqrs.command.outbox;
