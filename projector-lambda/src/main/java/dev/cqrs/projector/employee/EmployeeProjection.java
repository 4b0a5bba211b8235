package dev.cqrs.projector.employee;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import dev.cqrs.contracts.employee.EmployeeHired;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import dev.cqrs.contracts.employee.EmployeeTerminated;
import dev.cqrs.contracts.store.EmployeeItemFormat;
import dev.cqrs.projector.projection.Projection;
import dev.cqrs.projector.projection.RetryLaterException;
import dev.cqrs.projector.projection.VersionGapException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.util.Map;
import java.util.Set;

/**
 * Builds the employees read model in {@code EMPLOYEES_TABLE}: ONE conditional write of the employee item per event
 * (docs/conventions.md). The item carries the manager and the active state, and the sparse {@code byManager} index
 * lists the active reportees of each manager, so a manager change is a single-item write: no reader ever sees the
 * employee under two managers, and no transaction is needed (half the write cost of one, and nothing to keep
 * consistent across items).
 * <p>
 * Version rule, per employee: an event applies only as the NEXT version of the item (stored version + 1). A duplicate
 * or older event is a no-op; a later one ({@link VersionGapException}) follows the missing one into the dead-letter
 * queue, so a dead-lettered event is never skipped over.
 * <p>
 * Each event: a consistent GetItem, {@link EmployeeRow#evolve}, then a PutItem of the whole item conditioned on the
 * version read ({@code attribute_not_exists(pk)} for the hire). A failed condition means another writer got there
 * first; it is re-read: done if it now holds this version, else retried.
 * <p>
 * The low-level client rather than the enhanced one: the conditional put of a whole item with an absent attribute
 * (the sparse index key) and the condition on the version read are expressed directly.
 */
public final class EmployeeProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(EmployeeProjection.class);

    private final DynamoDbClient dynamo;
    private final String table;

    public EmployeeProjection(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventTypes() {
        return Set.of(EmployeeHired.class, EmployeeDetailsUpdated.class, EmployeeManagerChanged.class,
                EmployeeTerminated.class);
    }

    @Override
    public Outcome apply(EventEnvelope event) {
        String code = event.aggregateId();
        long version = event.aggregateVersion();
        EmployeeRow stored = read(code);
        long storedVersion = stored == null ? 0 : stored.version();
        if (version <= storedVersion) {
            log.info("employee {} v{} (event {}): skipped, the read model is at v{}", code, version, event.eventId(),
                    storedVersion);
            return Outcome.DUPLICATE;
        }
        if (version > storedVersion + 1) {
            throw gap(event, code, storedVersion);
        }
        EmployeeRow next = EmployeeRow.evolve(stored, event);
        try {
            dynamo.putItem(conditionalPut(next, stored));
            log.info("employee {} v{} (event {}): applied {}", code, version, event.eventId(), event.eventType());
            return Outcome.APPLIED;
        } catch (ConditionalCheckFailedException e) {
            EmployeeRow now = read(code);
            long nowVersion = now == null ? 0 : now.version();
            if (nowVersion < version) {
                throw new RetryLaterException("employee " + code + " changed while v" + version + " (event "
                        + event.eventId() + ") was applied; it will be retried");
            }
            log.info("employee {} v{} (event {}): skipped, applied concurrently", code, version, event.eventId());
            return Outcome.DUPLICATE;
        }
    }

    private PutItemRequest conditionalPut(EmployeeRow next, EmployeeRow stored) {
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(EmployeeItems.item(next));
        if (stored == null) {
            return put.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", EmployeeItemFormat.PK)).build();
        }
        return put.conditionExpression("#version = :seen")
                .expressionAttributeNames(Map.of("#version", EmployeeItemFormat.VERSION))
                .expressionAttributeValues(Map.of(":seen", EmployeeItems.n(stored.version())))
                .build();
    }

    private EmployeeRow read(String code) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(EmployeeItems.key(code)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : EmployeeItems.row(item);
    }

    private static VersionGapException gap(EventEnvelope event, String code, long storedVersion) {
        return new VersionGapException("employee " + code + " is at v" + storedVersion + "; " + event.eventType()
                + " v" + event.aggregateVersion() + " (event " + event.eventId() + ") follows v" + (storedVersion + 1)
                + " into the dead-letter queue");
    }
}
