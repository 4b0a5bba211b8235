/**
 * Records every event of the audit queue as one item of the audit table (shape: contracts'
 * {@code AuditItemFormat}), exactly once by a conditional put, and parks what can never be read in the audit
 * dead-letter queue with the reason.
 */
package dev.cqrs.audit.record;
