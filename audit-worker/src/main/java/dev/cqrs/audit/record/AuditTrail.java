package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.observability.MetricNames;
import dev.cqrs.contracts.store.AuditItemFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Appends audit items. The table is append-only: an existing item is never overwritten.
 * <p>
 * Each write is an observation {@code audit.record} (a span inside the listener's, so in the command's trace), and a
 * newly written item records {@code audit.lag}: write time minus the event's occurredAt.
 */
@Component
class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** The key (pk, sk) contains the event id, so "an item with this key exists" means "this event is recorded". */
    private static final String NOT_YET_RECORDED = "attribute_not_exists(#pk)";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ObservationRegistry observations;
    private final Timer lag;
    private final Clock clock = Clock.systemUTC();

    AuditTrail(DynamoDbClient dynamoDb, AuditWorkerProperties properties, ObservationRegistry observations,
               MeterRegistry meters) {
        this.dynamoDb = dynamoDb;
        this.table = properties.table();
        this.observations = observations;
        this.lag = Timer.builder(MetricNames.AUDIT_LAG)
                .description("Audit item written minus the event's occurredAt")
                .register(meters);
    }

    /**
     * Records the event once. A redelivered event finds its item already there and is a success, so the caller
     * acknowledges it; any other DynamoDB error propagates, so the message is not acknowledged and comes back.
     *
     * @return whether a new item was written
     */
    boolean record(EventEnvelope event) {
        return Observation.createNotStarted("audit.record", observations)
                .contextualName("record " + event.eventType())
                .lowCardinalityKeyValue("event.type", event.eventType())
                .highCardinalityKeyValue("event.id", event.eventId().toString())
                .observe(() -> write(event));
    }

    private boolean write(EventEnvelope event) {
        var item = AuditItems.of(event);
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item)
                    .conditionExpression(NOT_YET_RECORDED)
                    .expressionAttributeNames(Map.of("#pk", AuditItemFormat.PK)));
            log.debug("Recorded {} {} for {}", event.eventType(), event.eventId(), item.get(AuditItemFormat.PK).s());
            lag.record(Duration.between(event.occurredAt(), clock.instant()));
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            log.info("Event {} ({}) is already recorded; redelivery ignored", event.eventId(), event.eventType());
            return false;
        }
    }
}
