package dev.cqrs.audit.record;

import dev.cqrs.contracts.observability.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code queue.depth} (messages, tag {@code queue}): SQS's ApproximateNumberOfMessages of the audit queue and its DLQ,
 * asked of SQS when scraped (a second at most; NaN when SQS does not answer, so a scrape never hangs on it).
 */
@Component
class QueueDepths {

    private final SqsAsyncClient sqs;
    /** A queue's URL never changes: asked of SQS once (again only after a failure), not on every scrape. */
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    QueueDepths(SqsAsyncClient sqs, AuditWorkerProperties properties, MeterRegistry meters) {
        this.sqs = sqs;
        for (String queue : new String[] {properties.queue(), properties.deadLetterQueue()}) {
            Gauge.builder(MetricNames.QUEUE_DEPTH, () -> depth(queue))
                    .tag(MetricNames.TAG_QUEUE, queue)
                    .baseUnit("messages")
                    .description("Approximate number of visible messages in the queue")
                    .register(meters);
        }
    }

    private double depth(String queue) {
        try {
            String url = urls.get(queue);
            if (url == null) {
                url = sqs.getQueueUrl(r -> r.queueName(queue)).get(1, TimeUnit.SECONDS).queueUrl();
                urls.put(queue, url);
            }
            String queueUrl = url;
            return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .thenApply(a -> Double.parseDouble(
                            a.attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)))
                    .get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Double.NaN;
        }
    }
}
