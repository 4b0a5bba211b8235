package dev.cqrs.projector.employee;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import dev.cqrs.contracts.employee.EmployeeHired;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import dev.cqrs.contracts.employee.EmployeeTerminated;
import dev.cqrs.projector.Projector;
import dev.cqrs.projector.ProjectorHandler;
import dev.cqrs.projector.StackEnv;
import dev.cqrs.projector.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.cqrs.projector.TestEvents.event;
import static dev.cqrs.projector.TestEvents.record;
import static org.assertj.core.api.Assertions.assertThat;

/** The employees read model through the handler, against the real DynamoDB table, asserted with consistent reads. */
class EmployeeProjectionIntegrationTest {

    private static final Instant AT = Instant.parse("2026-11-21T19:30:00.000001Z");
    private static final LocalDate HIRED = LocalDate.parse("2026-03-02");

    private static Projector projector;
    private static ProjectorHandler handler;
    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void wire() {
        projector = Projector.fromEnvironment(System.getenv());
        handler = new ProjectorHandler(projector);
        dynamo = Projector.dynamoDbClient();
        table = StackEnv.require("EMPLOYEES_TABLE");
    }

    @AfterAll
    static void close() {
        dynamo.close();
        projector.close();
    }

    @Test
    void aHireWithAManagerWritesTheEmployeeItemAndTheReporteeItemUnderTheManager() {
        String manager = code();
        String employee = code();
        applied(hire(manager, null));
        applied(hire(employee, manager));

        assertThat(employeeItem(employee)).isEqualTo(Map.of(
                "pk", s(employee), "sk", s(employee), "type", s("EMPLOYEE"), "code", s(employee),
                "name", s("Name " + employee), "email", s(employee.toLowerCase(Locale.ROOT) + "@example.com"),
                "jobTitle", s("Engineer"), "managerCode", s(manager), "hireDate", s("2026-03-02"), "version", n(1)));
        assertThat(reporteeItem(manager, employee)).isEqualTo(Map.of(
                "pk", s(manager), "sk", s("REPORTEE#" + employee), "type", s("REPORTEE"), "code", s(employee),
                "name", s("Name " + employee), "email", s(employee.toLowerCase(Locale.ROOT) + "@example.com"),
                "jobTitle", s("Engineer"), "hireDate", s("2026-03-02"), "version", n(1)));
        assertThat(employeeItem(manager)).doesNotContainKey("managerCode");
        assertThat(reportees(manager)).containsExactly(employee);
        assertThat(reportees(employee)).isEmpty();

        // A duplicate hire changes nothing.
        Map<String, AttributeValue> before = employeeItem(employee);
        applied(hire(employee, manager));
        assertThat(employeeItem(employee)).isEqualTo(before);
    }

    @Test
    void aManagerChangeMovesTheReporteeItemAndUpdatesTheEmployeeTogether() {
        String oldManager = code();
        String newManager = code();
        String employee = code();
        applied(hire(oldManager, null));
        applied(hire(newManager, null));
        applied(hire(employee, oldManager));

        applied(envelope(new EmployeeManagerChanged(employee, oldManager, newManager), 2));

        List<Map<String, AttributeValue>> together = transactGet(
                EmployeeItems.employeeKey(employee),
                EmployeeItems.reporteeKey(oldManager, employee),
                EmployeeItems.reporteeKey(newManager, employee));
        assertThat(together.get(0)).containsEntry("managerCode", s(newManager)).containsEntry("version", n(2));
        assertThat(together.get(1)).isEmpty();
        assertThat(together.get(2)).containsEntry("code", s(employee)).containsEntry("name", s("Name " + employee))
                .containsEntry("hireDate", s("2026-03-02")).containsEntry("version", n(2));
        assertThat(reportees(oldManager)).isEmpty();
        assertThat(reportees(newManager)).containsExactly(employee);
    }

    @Test
    void aDuplicateOfAnOlderManagerChangeDoesNothing() {
        String first = code();
        String second = code();
        String third = code();
        String employee = code();
        for (String manager : List.of(first, second, third)) {
            applied(hire(manager, null));
        }
        applied(hire(employee, first));
        SQSMessage toSecond = record(envelope(new EmployeeManagerChanged(employee, first, second), 2));
        applied(toSecond);
        applied(envelope(new EmployeeManagerChanged(employee, second, third), 3));
        Map<String, AttributeValue> employeeAfterV3 = employeeItem(employee);
        Map<String, AttributeValue> reporteeAfterV3 = reporteeItem(third, employee);

        assertThat(handler.handleRequest(event(toSecond), null).getBatchItemFailures()).isEmpty();

        assertThat(employeeItem(employee)).isEqualTo(employeeAfterV3).containsEntry("managerCode", s(third));
        assertThat(reporteeItem(third, employee)).isEqualTo(reporteeAfterV3);
        assertThat(reportees(first)).isEmpty();
        assertThat(reportees(second)).isEmpty();
        assertThat(reportees(third)).containsExactly(employee);
    }

    @Test
    void aMoveToTheTopOfTheHierarchyRemovesTheManagerAndTheReporteeItem() {
        String manager = code();
        String employee = code();
        applied(hire(manager, null));
        applied(hire(employee, manager));

        applied(envelope(new EmployeeManagerChanged(employee, manager, null), 2));

        assertThat(employeeItem(employee)).doesNotContainKey("managerCode").containsEntry("version", n(2));
        assertThat(reportees(manager)).isEmpty();
    }

    @Test
    void aDetailsUpdateRewritesTheEmployeeAndTheReporteeItem() {
        String manager = code();
        String employee = code();
        applied(hire(manager, null));
        applied(hire(employee, manager));

        SQSMessage update = record(envelope(new EmployeeDetailsUpdated(employee, "New Name", "new@example.com",
                "Lead"), 2));
        applied(update);

        assertThat(employeeItem(employee)).containsEntry("name", s("New Name"))
                .containsEntry("email", s("new@example.com")).containsEntry("jobTitle", s("Lead"))
                .containsEntry("managerCode", s(manager)).containsEntry("hireDate", s("2026-03-02"))
                .containsEntry("version", n(2));
        assertThat(reporteeItem(manager, employee)).isEqualTo(Map.of(
                "pk", s(manager), "sk", s("REPORTEE#" + employee), "type", s("REPORTEE"), "code", s(employee),
                "name", s("New Name"), "email", s("new@example.com"), "jobTitle", s("Lead"),
                "hireDate", s("2026-03-02"), "version", n(2)));

        // Redelivered after a newer update: nothing changes.
        applied(envelope(new EmployeeDetailsUpdated(employee, "Newest", "newest@example.com", "Director"), 3));
        Map<String, AttributeValue> employeeAfterV3 = employeeItem(employee);
        Map<String, AttributeValue> reporteeAfterV3 = reporteeItem(manager, employee);
        assertThat(handler.handleRequest(event(update), null).getBatchItemFailures()).isEmpty();
        assertThat(employeeItem(employee)).isEqualTo(employeeAfterV3).containsEntry("name", s("Newest"));
        assertThat(reporteeItem(manager, employee)).isEqualTo(reporteeAfterV3);
    }

    @Test
    void aTerminationRemovesTheReporteeItemAndLaterChangesDoNotBringItBack() {
        String manager = code();
        String other = code();
        String employee = code();
        applied(hire(manager, null));
        applied(hire(other, null));
        applied(hire(employee, manager));

        applied(envelope(new EmployeeTerminated(employee, manager, LocalDate.parse("2026-12-31")), 2));

        assertThat(employeeItem(employee)).containsEntry("lastWorkingDate", s("2026-12-31"))
                .containsEntry("managerCode", s(manager)).containsEntry("version", n(2));
        assertThat(reportees(manager)).isEmpty();

        applied(envelope(new EmployeeDetailsUpdated(employee, "Gone", "gone@example.com", "Former"), 3));
        applied(envelope(new EmployeeManagerChanged(employee, manager, other), 4));
        assertThat(employeeItem(employee)).containsEntry("name", s("Gone")).containsEntry("managerCode", s(other))
                .containsEntry("version", n(4));
        assertThat(reportees(manager)).isEmpty();
        assertThat(reportees(other)).isEmpty();
    }

    @Test
    void aChangeForAnEmployeeNotYetProjectedIsRetriedNotLost() {
        String manager = code();
        String employee = code();
        applied(hire(manager, null));
        SQSMessage early = record(envelope(new EmployeeDetailsUpdated(employee, "Early", "e@example.com", "X"), 2));

        SQSBatchResponse response = handler.handleRequest(event(early), null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(early.getMessageId());
        assertThat(employeeItem(employee)).isEmpty();

        applied(hire(employee, manager));
        assertThat(handler.handleRequest(event(early), null).getBatchItemFailures()).isEmpty();
        assertThat(employeeItem(employee)).containsEntry("name", s("Early")).containsEntry("version", n(2));
        assertThat(reporteeItem(manager, employee)).containsEntry("name", s("Early"));
    }

    private static EventEnvelope hire(String code, String managerCode) {
        return envelope(new EmployeeHired(code, "Name " + code, code.toLowerCase(Locale.ROOT) + "@example.com",
                "Engineer", managerCode, HIRED), 1);
    }

    private static EventEnvelope envelope(DomainEvent payload, long version) {
        return TestEvents.envelope(payload, version, AT.plusSeconds(version));
    }

    private static void applied(EventEnvelope event) {
        applied(record(event));
    }

    private static void applied(SQSMessage message) {
        assertThat(handler.handleRequest(event(message), null).getBatchItemFailures()).isEmpty();
    }

    /** A fresh upper-case employee code, so tests never share items with each other or earlier runs. */
    private static String code() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    private static Map<String, AttributeValue> employeeItem(String code) {
        return consistentGet(EmployeeItems.employeeKey(code));
    }

    private static Map<String, AttributeValue> reporteeItem(String manager, String code) {
        return consistentGet(EmployeeItems.reporteeKey(manager, code));
    }

    private static Map<String, AttributeValue> consistentGet(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null ? Map.of() : new HashMap<>(item);
    }

    /** The items as of one instant (TransactGetItems is serializable with the transactional writes). */
    @SafeVarargs
    private static List<Map<String, AttributeValue>> transactGet(Map<String, AttributeValue>... keys) {
        List<TransactGetItem> gets = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            gets.add(TransactGetItem.builder().get(g -> g.tableName(table).key(key)).build());
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (ItemResponse response : dynamo.transactGetItems(r -> r.transactItems(gets)).responses()) {
            items.add(response.item() == null ? Map.of() : response.item());
        }
        return items;
    }

    /** The manager's direct reportees, the way readers get them: one Query, consistent. */
    private static List<String> reportees(String manager) {
        return dynamo.query(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :m AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":m", s(manager), ":prefix", s("REPORTEE#")))).items()
                .stream().map(item -> item.get("code").s()).toList();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
