package dev.cqrs.infra.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

/**
 * The SNS FIFO topic of domain events and its two SQS FIFO subscribers (projector, audit), raw message delivery,
 * each with a FIFO DLQ ({@code maxReceiveCount} from resources.json). Names from {@link ResourceNames}.
 */
final class Messaging {

    final Topic events;
    final Queue projectorDlq;
    final Queue projectorQueue;
    final Queue auditDlq;
    final Queue auditQueue;
    private final Stack stack;

    Messaging(Stack stack, ResourceNames names) {
        this.stack = stack;
        events = Topic.Builder.create(stack, "DomainEvents")
                .topicName(names.domainEvents().name())
                .fifo(true)
                // Publishers set MessageDeduplicationId = event id (docs/conventions.md).
                .contentBasedDeduplication(false)
                .enforceSsl(true)
                .build();
        projectorDlq = deadLetterQueue("ProjectorDlq", names.projectorQueue());
        // Visibility = 6 x the Lambda timeout, as AWS recommends for SQS event sources.
        projectorQueue = queue("ProjectorQueue", names.projectorQueue(), projectorDlq, Duration.seconds(360));
        auditDlq = deadLetterQueue("AuditDlq", names.auditQueue());
        auditQueue = queue("AuditQueue", names.auditQueue(), auditDlq, Duration.seconds(60));
        events.addSubscription(SqsSubscription.Builder.create(projectorQueue).rawMessageDelivery(true).build());
        events.addSubscription(SqsSubscription.Builder.create(auditQueue).rawMessageDelivery(true).build());
    }

    private Queue deadLetterQueue(String id, ResourceNames.Queue q) {
        return Queue.Builder.create(stack, id)
                .queueName(q.dlq())
                .fifo(true)
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
    }

    private Queue queue(String id, ResourceNames.Queue q, Queue dlq, Duration visibility) {
        return Queue.Builder.create(stack, id)
                .queueName(q.name())
                .fifo(true)
                .visibilityTimeout(visibility)
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(q.maxReceiveCount()).build())
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
    }
}
