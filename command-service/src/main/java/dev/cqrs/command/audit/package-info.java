/**
 * Free audit messages: {@code POST /api/audit} records an {@code AuditMessageRecorded} event through the outbox; no
 * table of its own. Depends on {@code dispatch} and {@code outbox}; never on another feature or on {@code web}.
 */
package dev.cqrs.command.audit;
