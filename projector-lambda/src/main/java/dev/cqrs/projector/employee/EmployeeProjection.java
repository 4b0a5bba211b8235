package dev.cqrs.projector.employee;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import dev.cqrs.contracts.employee.EmployeeHired;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import dev.cqrs.contracts.employee.EmployeeTerminated;
import dev.cqrs.projector.Projection;
import dev.cqrs.projector.RetryLaterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the employees read model in {@code EMPLOYEES_TABLE} (single-table shape of docs/conventions.md). Every event
 * is ONE TransactWriteItems: the employee item, version-gated, plus the reportee items the event touches, so a reader
 * never sees an employee under two managers or under none.
 * <p>
 * Hire: a put conditioned on {@code attribute_not_exists(pk) OR version < :v}. The other events need the stored item
 * (current manager, hire date for the reportee item), so they read it with a consistent GetItem and condition the
 * transaction on the version they read: stricter than {@code version < :v}, it also rejects a write based on a stale
 * read. A cancelled transaction is then re-read: at this or a newer version means already applied (success),
 * otherwise it is retried.
 * <p>
 * The low-level client rather than the enhanced one: the projection is made of transactions of conditional partial
 * updates and per-item cancellation reasons, which the low-level API expresses directly.
 */
public final class EmployeeProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(EmployeeProjection.class);
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

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
    public void apply(EventEnvelope event) {
        switch (event.payload()) {
            case EmployeeHired hired -> hire(event, hired);
            case EmployeeDetailsUpdated updated -> changeExisting(event, updated.employeeCode(),
                    stored -> updateDetails(event, updated, stored));
            case EmployeeManagerChanged changed -> changeExisting(event, changed.employeeCode(),
                    stored -> changeManager(event, changed, stored));
            case EmployeeTerminated terminated -> changeExisting(event, terminated.employeeCode(),
                    stored -> terminate(event, terminated, stored));
            default -> throw new IllegalArgumentException(event.eventType() + " is not an employee event");
        }
    }

    private void hire(EventEnvelope event, EmployeeHired hired) {
        String code = checkedCode(event, hired.employeeCode());
        if (hired.hireDate() == null) {
            throw new InvalidEventException("EmployeeHired " + code + " has no hireDate");
        }
        long version = event.aggregateVersion();
        String hireDate = hired.hireDate().toString();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(EmployeeItems.employeeItem(code, hired.name(), hired.email(), hired.jobTitle(),
                        hired.managerCode(), hireDate, version))
                .conditionExpression("attribute_not_exists(#pk) OR #version < :v")
                .expressionAttributeNames(Map.of("#pk", EmployeeItems.PK, "#version", EmployeeItems.VERSION))
                .expressionAttributeValues(Map.of(":v", EmployeeItems.n(version)))
                .build()).build());
        if (hired.managerCode() != null) {
            writes.add(put(EmployeeItems.reporteeItem(hired.managerCode(), code, hired.name(), hired.email(),
                    hired.jobTitle(), hireDate, version)));
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            log.info("employee {} v{} (event {}): hired", code, version, event.eventId());
        } catch (TransactionCanceledException e) {
            if (!employeeItemConditionFailed(e)) {
                throw e;
            }
            log.info("employee {} v{} (event {}): skipped, read model already has this or a newer version",
                    code, version, event.eventId());
        }
    }

    private List<TransactWriteItem> updateDetails(EventEnvelope event, EmployeeDetailsUpdated updated,
                                                  StoredEmployee stored) {
        long version = event.aggregateVersion();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(new EmployeeUpdate()
                .set(EmployeeItems.NAME, updated.name())
                .set(EmployeeItems.EMAIL, updated.email())
                .set(EmployeeItems.JOB_TITLE, updated.jobTitle())
                .build(table, stored.code(), version, stored.version())).build());
        if (stored.managerCode() != null && stored.active()) {
            writes.add(put(EmployeeItems.reporteeItem(stored.managerCode(), stored.code(), updated.name(),
                    updated.email(), updated.jobTitle(), stored.hireDate(), version)));
        }
        return writes;
    }

    private List<TransactWriteItem> changeManager(EventEnvelope event, EmployeeManagerChanged changed,
                                                  StoredEmployee stored) {
        long version = event.aggregateVersion();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(new EmployeeUpdate()
                .set(EmployeeItems.MANAGER_CODE, changed.newManagerCode())
                .build(table, stored.code(), version, stored.version())).build());
        // The event's previous manager and the stored one should be the same; both are cleared in case they are not.
        // A transaction may touch an item only once, hence one operation per manager.
        Map<String, TransactWriteItem> reporteeWrites = new LinkedHashMap<>();
        for (String oldManager : managers(changed.previousManagerCode(), stored.managerCode())) {
            reporteeWrites.put(oldManager, delete(EmployeeItems.reporteeKey(oldManager, stored.code())));
        }
        if (changed.newManagerCode() != null && stored.active()) {
            reporteeWrites.put(changed.newManagerCode(), put(EmployeeItems.reporteeItem(changed.newManagerCode(),
                    stored.code(), stored.name(), stored.email(), stored.jobTitle(), stored.hireDate(), version)));
        }
        writes.addAll(reporteeWrites.values());
        return writes;
    }

    private List<TransactWriteItem> terminate(EventEnvelope event, EmployeeTerminated terminated,
                                              StoredEmployee stored) {
        if (terminated.lastWorkingDate() == null) {
            throw new InvalidEventException("EmployeeTerminated " + stored.code() + " has no lastWorkingDate");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(new EmployeeUpdate()
                .set(EmployeeItems.LAST_WORKING_DATE, terminated.lastWorkingDate().toString())
                .build(table, stored.code(), event.aggregateVersion(), stored.version())).build());
        for (String manager : managers(terminated.managerCode(), stored.managerCode())) {
            writes.add(delete(EmployeeItems.reporteeKey(manager, stored.code())));
        }
        return writes;
    }

    private interface Writes {
        List<TransactWriteItem> of(StoredEmployee stored);
    }

    /**
     * Applies an event to an employee that must already be in the read model. The first write of {@code writes} is
     * the employee item's update, conditioned on the version read here.
     */
    private void changeExisting(EventEnvelope event, String employeeCode, Writes writes) {
        String code = checkedCode(event, employeeCode);
        long version = event.aggregateVersion();
        StoredEmployee stored = read(code).orElseThrow(() -> notYetHired(event, code));
        if (stored.version() >= version) {
            skipped(event, code);
            return;
        }
        List<TransactWriteItem> items = writes.of(stored);
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            log.info("employee {} v{} (event {}): applied {}", code, version, event.eventId(), event.eventType());
        } catch (TransactionCanceledException e) {
            if (!employeeItemConditionFailed(e)) {
                throw e;
            }
            // The item changed since it was read: done if it now holds this event, else retry on a fresh read.
            StoredEmployee now = read(code).orElseThrow(() -> notYetHired(event, code));
            if (now.version() < version) {
                throw new RetryLaterException("employee " + code + " changed while v" + version + " (event "
                        + event.eventId() + ") was applied; it will be retried");
            }
            skipped(event, code);
        }
    }

    private Optional<StoredEmployee> read(String code) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(EmployeeItems.employeeKey(code)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(StoredEmployee.from(item));
    }

    /** The employee item is always the first operation of a transaction. */
    private static boolean employeeItemConditionFailed(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return !reasons.isEmpty() && CONDITIONAL_CHECK_FAILED.equals(reasons.getFirst().code());
    }

    private static RetryLaterException notYetHired(EventEnvelope event, String code) {
        // FIFO groups should prevent it, but the change must not be lost: retried until EmployeeHired is projected.
        return new RetryLaterException("employee " + code + " is not in the read model yet; " + event.eventType()
                + " v" + event.aggregateVersion() + " (event " + event.eventId() + ") will be retried");
    }

    private static void skipped(EventEnvelope event, String code) {
        log.info("employee {} v{} (event {}): skipped, read model already has this or a newer version",
                code, event.aggregateVersion(), event.eventId());
    }

    private static String checkedCode(EventEnvelope event, String employeeCode) {
        if (employeeCode == null || !employeeCode.equals(event.aggregateId())) {
            throw new InvalidEventException(event.eventType() + " employeeCode '" + employeeCode
                    + "' does not match aggregateId '" + event.aggregateId() + "'");
        }
        return employeeCode;
    }

    private static Set<String> managers(String... codes) {
        Set<String> managers = new LinkedHashSet<>();
        for (String code : codes) {
            if (code != null) {
                managers.add(code);
            }
        }
        return managers;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }
}
