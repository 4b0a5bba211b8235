package dev.cqrs.projector.local;

import dev.cqrs.contracts.observability.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code queue.depth} (messages, tag {@code queue}): SQS's ApproximateNumberOfMessages of the projector's queue and
 * DLQ, asked of SQS when scraped (NaN when SQS does not answer). In AWS the same numbers are SQS's own CloudWatch
 * metrics (ApproximateNumberOfMessagesVisible), on the dashboard.
 */
final class QueueDepths {

    private QueueDepths() {
    }

    static void register(MeterRegistry meters, SqsClient sqs, String... queueNames) {
        for (String queue : queueNames) {
            Gauge.builder(MetricNames.QUEUE_DEPTH, () -> depth(sqs, queue))
                    .tag(MetricNames.TAG_QUEUE, queue)
                    .baseUnit("messages")
                    .description("Approximate number of visible messages in the queue")
                    .register(meters);
        }
    }

    private static double depth(SqsClient sqs, String queue) {
        try {
            String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
            return Double.parseDouble(sqs.getQueueAttributes(r -> r.queueUrl(url)
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        } catch (SdkException e) {
            return Double.NaN;
        }
    }
}
