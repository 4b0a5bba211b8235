package dev.cqrs.command.audit;

/** The 202 body of {@code POST /api/audit}: {@code {"messageId":"…uuid…"}}, the audit entity id of the message. */
record AuditMessageAccepted(String messageId) {
}
