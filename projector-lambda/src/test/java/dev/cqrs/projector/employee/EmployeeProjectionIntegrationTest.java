package dev.cqrs.projector.employee;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import dev.cqrs.contracts.employee.EmployeeHired;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import dev.cqrs.contracts.employee.EmployeeTerminated;
import dev.cqrs.projector.DeadLetterProbe;
import dev.cqrs.projector.Projector;
import dev.cqrs.projector.ProjectorHandler;
import dev.cqrs.projector.StackEnv;
import dev.cqrs.projector.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.cqrs.projector.TestEvents.event;
import static dev.cqrs.projector.TestEvents.record;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The employees read model through the handler, against the real table on the local emulator: items asserted with
 * consistent reads, reportees through the byManager index as readers see them.
 */
class EmployeeProjectionIntegrationTest {

    private static final Instant AT = Instant.parse("2026-11-21T19:30:00.000001Z");
    private static final LocalDate HIRED = LocalDate.parse("2026-03-02");

    private static Projector projector;
    private static ProjectorHandler handler;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static String table;

    @BeforeAll
    static void wire() {
        projector = Projector.fromEnvironment(System.getenv());
        handler = new ProjectorHandler(projector);
        dynamo = Projector.dynamoDbClient();
        sqs = Projector.sqsClient();
        table = StackEnv.require("EMPLOYEES_TABLE");
    }

    @AfterAll
    static void close() {
        dynamo.close();
        sqs.close();
        projector.close();
    }

    @Test
    void aHireWithAManagerWritesOneItemThatTheManagersIndexLists() {
        String manager = code();
        String employee = code();
        applied(hire(manager, null));
        applied(hire(employee, manager));

        assertThat(employeeItem(employee)).isEqualTo(Map.ofEntries(
                entry("pk", s(employee)), entry("sk", s(employee)), entry("type", s("EMPLOYEE")),
                entry("code", s(employee)), entry("name", s("Name " + employee)),
                entry("email", s(employee.toLowerCase(Locale.ROOT) + "@example.com")),
                entry("jobTitle", s("Engineer")), entry("managerCode", s(manager)), entry("reportsTo", s(manager)),
                entry("hireDate", s("2026-03-02")), entry("version", n(1))));
        assertThat(employeeItem(manager)).doesNotContainKeys("managerCode", "reportsTo");
        assertThat(reportees(manager)).containsExactly(employee);
        assertThat(reportees(employee)).isEmpty();

        // A duplicate hire changes nothing.
        Map<String, AttributeValue> before = employeeItem(employee);
        applied(hire(employee, manager));
        assertThat(employeeItem(employee)).isEqualTo(before);
    }

    @Test
    void aManagerChangeIsOneWriteThatMovesTheEmployeeBetweenManagers() {
        String oldManager = code();
        String newManager = code();
        String employee = code();
        applied(hire(oldManager, null));
        applied(hire(newManager, null));
        applied(hire(employee, oldManager));

        applied(envelope(new EmployeeManagerChanged(employee, oldManager, newManager), 2));

        assertThat(employeeItem(employee)).containsEntry("managerCode", s(newManager))
                .containsEntry("reportsTo", s(newManager)).containsEntry("version", n(2))
                .containsEntry("name", s("Name " + employee)).containsEntry("hireDate", s("2026-03-02"));
        assertThat(reportees(oldManager)).isEmpty();
        assertThat(reportees(newManager)).containsExactly(employee);
    }

    @Test
    void movesBackAndForthEndUnderTheLastManager() {
        String a = code();
        String b = code();
        String employee = code();
        applied(hire(a, null));
        applied(hire(b, null));
        applied(hire(employee, a));

        for (int version = 2; version <= 7; version++) {
            String from = version % 2 == 0 ? a : b;
            String to = version % 2 == 0 ? b : a;
            applied(envelope(new EmployeeManagerChanged(employee, from, to), version));
        }

        assertThat(employeeItem(employee)).containsEntry("managerCode", s(a)).containsEntry("version", n(7));
        assertThat(reportees(a)).containsExactly(employee);
        assertThat(reportees(b)).isEmpty();
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

        assertThat(handler.handleRequest(event(toSecond), null).getBatchItemFailures()).isEmpty();

        assertThat(employeeItem(employee)).isEqualTo(employeeAfterV3).containsEntry("managerCode", s(third));
        assertThat(reportees(first)).isEmpty();
        assertThat(reportees(second)).isEmpty();
        assertThat(reportees(third)).containsExactly(employee);
    }

    @Test
    void aLaterVersionFollowsTheMissingOneIntoTheDeadLetterQueueInsteadOfSkippingIt() {
        String manager = code();
        String employee = code();
        applied(hire(manager, null));
        applied(hire(employee, manager));
        Map<String, AttributeValue> atV1 = employeeItem(employee);
        SQSMessage v3 = record(envelope(new EmployeeDetailsUpdated(employee, "Third", "3@example.com", "C"), 3));

        assertThat(handler.handleRequest(event(v3), null).getBatchItemFailures()).isEmpty();
        assertThat(DeadLetterProbe.reasons(sqs, v3).get(v3.getMessageId()))
                .contains("employee " + employee + " is at v1").contains("follows v2 into the dead-letter queue");
        assertThat(employeeItem(employee)).isEqualTo(atV1);

        // The redrive brings the missing one and v3 back in order.

        applied(envelope(new EmployeeDetailsUpdated(employee, "Second", "2@example.com", "B"), 2));
        applied(v3);
        assertThat(employeeItem(employee)).containsEntry("name", s("Third")).containsEntry("version", n(3));
    }

    @Test
    void aMoveToTheTopOfTheHierarchyRemovesTheManager() {
        String manager = code();
        String employee = code();
        applied(hire(manager, null));
        applied(hire(employee, manager));

        applied(envelope(new EmployeeManagerChanged(employee, manager, null), 2));

        assertThat(employeeItem(employee)).doesNotContainKeys("managerCode", "reportsTo")
                .containsEntry("version", n(2));
        assertThat(reportees(manager)).isEmpty();
    }

    @Test
    void aDetailsUpdateKeepsTheManagerAndShowsInTheManagersIndex() {
        String manager = code();
        String employee = code();
        applied(hire(manager, null));
        applied(hire(employee, manager));

        SQSMessage update = record(envelope(new EmployeeDetailsUpdated(employee, "New Name", "new@example.com",
                "Lead"), 2));
        applied(update);

        assertThat(employeeItem(employee)).containsEntry("name", s("New Name"))
                .containsEntry("email", s("new@example.com")).containsEntry("jobTitle", s("Lead"))
                .containsEntry("managerCode", s(manager)).containsEntry("reportsTo", s(manager))
                .containsEntry("hireDate", s("2026-03-02")).containsEntry("version", n(2));
        assertThat(reporteeNames(manager)).containsExactly("New Name");

        // Redelivered after a newer update: nothing changes.
        applied(envelope(new EmployeeDetailsUpdated(employee, "Newest", "newest@example.com", "Director"), 3));
        Map<String, AttributeValue> employeeAfterV3 = employeeItem(employee);
        assertThat(handler.handleRequest(event(update), null).getBatchItemFailures()).isEmpty();
        assertThat(employeeItem(employee)).isEqualTo(employeeAfterV3).containsEntry("name", s("Newest"));
    }

    @Test
    void aTerminationTakesTheEmployeeOutOfTheIndexAndLaterChangesDoNotBringItBack() {
        String manager = code();
        String other = code();
        String employee = code();
        applied(hire(manager, null));
        applied(hire(other, null));
        applied(hire(employee, manager));

        applied(envelope(new EmployeeTerminated(employee, manager, LocalDate.parse("2026-12-31")), 2));

        assertThat(employeeItem(employee)).containsEntry("lastWorkingDate", s("2026-12-31"))
                .containsEntry("managerCode", s(manager)).doesNotContainKey("reportsTo")
                .containsEntry("version", n(2));
        assertThat(reportees(manager)).isEmpty();

        applied(envelope(new EmployeeDetailsUpdated(employee, "Gone", "gone@example.com", "Former"), 3));
        applied(envelope(new EmployeeManagerChanged(employee, manager, other), 4));
        assertThat(employeeItem(employee)).containsEntry("name", s("Gone")).containsEntry("managerCode", s(other))
                .doesNotContainKey("reportsTo").containsEntry("version", n(4));
        assertThat(reportees(manager)).isEmpty();
        assertThat(reportees(other)).isEmpty();
    }

    @Test
    void aChangeOfAnEmployeeWhoseHireIsMissingFollowsItIntoTheDeadLetterQueueNotLost() {
        String manager = code();
        String employee = code();
        applied(hire(manager, null));
        SQSMessage early = record(envelope(new EmployeeDetailsUpdated(employee, "Early", "e@example.com", "X"), 2));

        SQSBatchResponse response = handler.handleRequest(event(early), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(DeadLetterProbe.reasons(sqs, early).get(early.getMessageId()))
                .contains("is at v0").contains("follows v1 into the dead-letter queue");
        assertThat(employeeItem(employee)).isEmpty();

        applied(hire(employee, manager));
        assertThat(handler.handleRequest(event(early), null).getBatchItemFailures()).isEmpty();
        assertThat(employeeItem(employee)).containsEntry("name", s("Early")).containsEntry("version", n(2));
        assertThat(reporteeNames(manager)).containsExactly("Early");
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
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(EmployeeItems.key(code))
                .consistentRead(true)).item();
        return item == null ? Map.of() : new HashMap<>(item);
    }

    /** The manager's direct reportees' codes, the way readers get them: one Query on the byManager index. */
    private static List<String> reportees(String manager) {
        return reporteeItems(manager).stream().map(item -> item.get("code").s()).toList();
    }

    private static List<String> reporteeNames(String manager) {
        return reporteeItems(manager).stream().map(item -> item.get("name").s()).toList();
    }

    private static List<Map<String, AttributeValue>> reporteeItems(String manager) {
        return dynamo.query(r -> r.tableName(table).indexName("byManager")
                .keyConditionExpression("reportsTo = :m")
                .expressionAttributeValues(Map.of(":m", s(manager)))).items();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
