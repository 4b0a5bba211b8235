package dev.cqrs.projector.local;

import dev.cqrs.contracts.observability.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code queue.depth} (messages, tag {@code queue}): SQS's ApproximateNumberOfMessages of the projector's queue and
 * DLQ, asked of SQS when scraped (NaN when SQS does not answer). In AWS the same numbers are SQS's own CloudWatch
 * metrics (ApproximateNumberOfMessagesVisible), on the dashboard.
 */
final class QueueDepths {

    private QueueDepths() {
    }

    static void register(MeterRegistry meters, SqsClient sqs, String... queueNames) {
        // A queue's URL never changes: asked of SQS once (again only after a failure), not on every scrape.
        Map<String, String> urls = new ConcurrentHashMap<>();
        for (String queue : queueNames) {
            Gauge.builder(MetricNames.QUEUE_DEPTH, () -> depth(sqs, urls, queue))
                    .tag(MetricNames.TAG_QUEUE, queue)
                    .baseUnit("messages")
                    .description("Approximate number of visible messages in the queue")
                    .register(meters);
        }
    }

    private static double depth(SqsClient sqs, Map<String, String> urls, String queue) {
        try {
            String url = urls.computeIfAbsent(queue, name -> sqs.getQueueUrl(r -> r.queueName(name)).queueUrl());
            return Double.parseDouble(sqs.getQueueAttributes(r -> r.queueUrl(url)
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        } catch (SdkException e) {
            return Double.NaN;
        }
    }
}
