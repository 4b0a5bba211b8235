package dev.cqrs.command.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes claimed events to the SNS FIFO topic in one PublishBatch call: group = aggregate id (per-aggregate order),
 * deduplication id = event id (a retry after a lost response is dropped by SNS, not delivered twice).
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

    EventPublisher(SnsClient sns, @Value("${events.topic-arn}") String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    Outcome publish(List<PendingEvent> events) {
        List<PublishBatchRequestEntry> entries = events.stream()
                .map(event -> PublishBatchRequestEntry.builder()
                        .id(event.eventId()) // a UUID: unique in the batch and within the 80-character limit
                        .message(event.body())
                        .messageGroupId(event.aggregateId())
                        .messageDeduplicationId(event.eventId())
                        .messageAttributes(Map.of("eventType", MessageAttributeValue.builder()
                                .dataType("String").stringValue(event.eventType()).build()))
                        .build())
                .toList();
        PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
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
}
