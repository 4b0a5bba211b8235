package dev.cqrs.command.audit;

record AuditMessageAccepted(String messageId) {
}
