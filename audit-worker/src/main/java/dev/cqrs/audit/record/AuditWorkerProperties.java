package dev.cqrs.audit.record;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Resource names, handed in as environment variables (see docs/conventions.md; application.yml has no defaults, so a
 * missing one stops the start). The worker never creates these resources.
 *
 * @param queue           the FIFO audit queue the listener consumes ({@code AUDIT_QUEUE_NAME})
 * @param deadLetterQueue where messages that can never be processed go, with a reason ({@code AUDIT_DLQ_NAME})
 * @param table           the append-only audit table ({@code AUDIT_TABLE})
 */
@ConfigurationProperties("audit-worker")
record AuditWorkerProperties(String queue, String deadLetterQueue, String table) {
}
