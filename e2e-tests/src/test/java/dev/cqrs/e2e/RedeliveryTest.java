package dev.cqrs.e2e;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.cqrs.e2e.SystemUnderTest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SQS delivers at least once: the same event can arrive again. Re-sending a processed event to both consumers'
 * queues, as a redelivery would, must change nothing in either read model.
 */
class RedeliveryTest {

    @Test
    void aRedeliveredEventChangesNeitherTheReadModelNorTheAuditLog() throws Exception {
        var created = postJson(commandApi() + "/api/todos", "{\"title\":\"redelivery " + UUID.randomUUID() + "\"}");
        String id = json(created).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !todoViewRow(id).isEmpty() && auditItems("todo", id).size() == 1);
        Map<String, Object> rowBefore = todoViewRow(id);
        var auditBefore = auditItems("todo", id);

        String projectorQueue = queueUrl("PROJECTOR_QUEUE_NAME");
        String auditQueue = queueUrl("AUDIT_QUEUE_NAME");
        long projectorDlqBefore = messagesOn(queueUrl("PROJECTOR_DLQ_NAME"));
        long auditDlqBefore = messagesOn(queueUrl("AUDIT_DLQ_NAME"));
        String event = outboxBody(id);
        for (String queue : new String[]{projectorQueue, auditQueue}) {
            // a fresh deduplication id, or the FIFO queue itself would drop the copy before any consumer saw it
            SQS.sendMessage(b -> b.queueUrl(queue).messageBody(event).messageGroupId(id)
                    .messageDeduplicationId(UUID.randomUUID().toString())
                    .messageAttributes(Map.of("test", MessageAttributeValue.builder().dataType("String")
                            .stringValue("redelivery").build())));
        }

        // consumed and deleted (not parked for retry, not dead-lettered)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> messagesOn(projectorQueue) == 0 && messagesOn(auditQueue) == 0);
        assertThat(messagesOn(queueUrl("PROJECTOR_DLQ_NAME"))).isEqualTo(projectorDlqBefore);
        assertThat(messagesOn(queueUrl("AUDIT_DLQ_NAME"))).isEqualTo(auditDlqBefore);

        assertThat(todoViewRow(id)).isEqualTo(rowBefore);
        assertThat(auditItems("todo", id)).isEqualTo(auditBefore).hasSize(1);
    }
}
