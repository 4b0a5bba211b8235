package dev.cqrs.command.audit;

import dev.cqrs.command.dispatch.Command;

/** A free audit message from a client (the generic audit log); it travels through the outbox like any event. */
record RecordAuditMessage(String userId, String message) implements Command<AuditMessageAccepted> {
}
