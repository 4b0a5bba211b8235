package dev.cqrs.command.outbox;

import dev.cqrs.contracts.observability.MetricNames;
import dev.cqrs.contracts.observability.TraceContextAttributes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes claimed events to the SNS FIFO topic in one PublishBatch call: group = aggregate id (per-aggregate order),
 * deduplication id = event id (a retry after a lost response is dropped by SNS, not delivered twice).
 * <p>
 * Each event gets a PRODUCER span in its command's trace ({@link OutboxTracing}) whose W3C {@code traceparent} goes out
 * as a message attribute; with raw delivery SQS hands it to the consumers. Measured: {@code outbox.publish} (timer of
 * the call, outcome success|failure) and {@code outbox.publish.batch.size} (events per call).
 */
@Component
class EventPublisher {

    /** PublishBatch accepts at most ten entries. */
    static final int MAX_BATCH = 10;

    /** What SNS said per entry: accepted, or the reason it was not. */
    record Outcome(Map<String, String> failedEventIds) {
        boolean accepted(PendingEvent event) {
            return !failedEventIds.containsKey(event.eventId());
        }
    }

    private final SnsClient sns;
    private final String topicArn;
    private final OutboxTracing tracing;
    private final MeterRegistry meters;
    private final DistributionSummary batchSize;
    private final Counter published;

    EventPublisher(SnsClient sns, @Value("${events.topic-arn}") String topicArn, OutboxTracing tracing,
                   MeterRegistry meters) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.tracing = tracing;
        this.meters = meters;
        this.batchSize = DistributionSummary.builder(MetricNames.OUTBOX_PUBLISH_BATCH_SIZE)
                .baseUnit("events")
                .description("Events per PublishBatch call")
                .register(meters);
        // registered now, so it reads 0 before the first publish and a rate over two scrapes is always defined
        this.published = Counter.builder(MetricNames.OUTBOX_PUBLISHED)
                .baseUnit("events")
                .description("Events SNS accepted")
                .register(meters);
    }

    Outcome publish(List<PendingEvent> events) {
        List<Span> spans = events.stream().map(tracing::startPublish).toList();
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            entries.add(entry(events.get(i), tracing.traceparentOf(spans.get(i).context())));
        }
        batchSize.record(events.size());
        Timer.Sample call = Timer.start(meters);
        String outcome = "failure";
        PublishBatchResponse response;
        try {
            response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
            outcome = "success";
        } catch (RuntimeException e) {
            spans.forEach(span -> span.error(e));
            throw e;
        } finally {
            call.stop(Timer.builder(MetricNames.OUTBOX_PUBLISH)
                    .description("One PublishBatch call to SNS, retries of the SDK included")
                    .tag(MetricNames.TAG_OUTCOME, outcome)
                    .register(meters));
            spans.forEach(Span::end);
        }
        published.increment(response.successful().size());
        Map<String, String> failed = new HashMap<>();
        response.failed().forEach(f -> failed.put(f.id(), f.code() + ": " + f.message()));
        // Anything SNS neither accepted nor rejected is treated as not accepted: it will be retried, and the
        // deduplication id makes a retry of something that did get through harmless.
        var accepted = response.successful().stream().map(s -> s.id()).toList();
        events.stream().map(PendingEvent::eventId)
                .filter(id -> !accepted.contains(id) && !failed.containsKey(id))
                .forEach(id -> failed.put(id, "no result for entry"));
        return new Outcome(failed);
    }

    private static PublishBatchRequestEntry entry(PendingEvent event, String traceparent) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("eventType", string(event.eventType()));
        if (traceparent != null) {
            attributes.put(TraceContextAttributes.TRACEPARENT, string(traceparent));
        }
        return PublishBatchRequestEntry.builder()
                .id(event.eventId()) // a UUID: unique in the batch and within the 80-character limit
                .message(event.body())
                .messageGroupId(event.aggregateId())
                .messageDeduplicationId(event.eventId())
                .messageAttributes(attributes)
                .build();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
