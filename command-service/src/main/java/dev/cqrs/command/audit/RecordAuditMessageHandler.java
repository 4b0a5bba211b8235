package dev.cqrs.command.audit;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.contracts.audit.AuditMessageRecorded;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** No table of its own: the audit table (built by the audit worker) is the only place the message lives. */
@Component
class RecordAuditMessageHandler implements CommandHandler<RecordAuditMessage, AuditMessageAccepted> {

    private final Outbox outbox;

    RecordAuditMessageHandler(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public AuditMessageAccepted handle(RecordAuditMessage command) {
        String id = UUID.randomUUID().toString();
        Instant now = outbox.now();
        outbox.append(new AuditMessageRecorded(id, command.userId(), command.message(), now), 1, now);
        return new AuditMessageAccepted(id);
    }
}
