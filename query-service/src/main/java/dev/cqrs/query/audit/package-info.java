/**
 * Audit queries over the audit table (shape: contracts' {@code AuditItemFormat}): one entity's history, newest first,
 * and every record in a time range through the {@code byDay} index. {@link dev.cqrs.query.audit.AuditRecord} is the
 * API's view of one item.
 */
package dev.cqrs.query.audit;
