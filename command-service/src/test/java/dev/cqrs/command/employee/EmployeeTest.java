package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandRefused;
import dev.cqrs.command.employee.EmployeeCommands.HireEmployee;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import dev.cqrs.contracts.employee.EmployeeHired;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import dev.cqrs.contracts.employee.EmployeeTerminated;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every employee rule, without a database: given an employee and the hierarchy facts the handler would read, when a
 * command, then the event and the new state, or the refusal (always a 409 conflict with a title naming the rule).
 */
class EmployeeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T19:30:00.123456Z");
    private static final LocalDate HIRED = LocalDate.of(2026, 1, 15);
    private static final LocalDate LEFT = LocalDate.of(2026, 6, 30);

    private static Employee active(String code, String manager, long version) {
        return new Employee(code, "N " + code, code.toLowerCase() + "@example.com", "Engineer", manager, HIRED, null,
                version);
    }

    private static Employee left(String code, String manager) {
        return new Employee(code, "N " + code, code.toLowerCase() + "@example.com", "Engineer", manager, HIRED, LEFT, 4);
    }

    private static HireEmployee hire(String code, String manager) {
        return new HireEmployee(code, "N " + code, code.toLowerCase() + "@example.com", "Engineer", manager, HIRED);
    }

    private static CommandRefused refusal(String title, ThrowingCallable command) {
        CommandRefused refused = catchThrowableOfType(CommandRefused.class, command);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.reason()).isEqualTo(CommandRefused.Reason.CONFLICT);
        assertThat(refused.title()).isEqualTo(title);
        return refused;
    }

    // hire

    @Test
    void hireAtTheTopNeedsNoManager() {
        Change<Employee> change = Employee.hire(hire("E1", null), Optional.empty(), NOW);

        assertThat(change.event()).isEqualTo(new EmployeeHired("E1", "N E1", "e1@example.com", "Engineer", null, HIRED));
        assertThat(change.state()).isEqualTo(active("E1", null, 1));
        assertThat(change.at()).isEqualTo(NOW);
    }

    @Test
    void hireUnderAnActiveManager() {
        Change<Employee> change = Employee.hire(hire("E2", "BOSS"), Optional.of(active("BOSS", null, 1)), NOW);

        assertThat(change.event()).isEqualTo(new EmployeeHired("E2", "N E2", "e2@example.com", "Engineer", "BOSS",
                HIRED));
        assertThat(change.state().managerCode()).isEqualTo("BOSS");
    }

    @Test
    void hireIsRefusedUnderAnUnknownManager() {
        assertThat(refusal("Unknown manager", () -> Employee.hire(hire("E2", "GHOST"), Optional.empty(), NOW)))
                .hasMessage("Manager GHOST does not exist");
    }

    @Test
    void hireIsRefusedUnderAManagerWhoHasLeft() {
        assertThat(refusal("Inactive manager",
                () -> Employee.hire(hire("E2", "BOSS"), Optional.of(left("BOSS", null)), NOW)))
                .hasMessage("Manager BOSS has left");
    }

    // update details

    @Test
    void updateDetailsChangesNameEmailAndJobTitleOnly() {
        Change<Employee> change = active("E1", "BOSS", 2).updateDetails("Ada King", "ada@example.com", null, NOW);

        assertThat(change.event()).isEqualTo(new EmployeeDetailsUpdated("E1", "Ada King", "ada@example.com", null));
        assertThat(change.state()).isEqualTo(new Employee("E1", "Ada King", "ada@example.com", null, "BOSS", HIRED,
                null, 3));
    }

    // change manager

    @Test
    void changeManagerMovesToAnActiveManagerOutsideTheOwnChain() {
        Change<Employee> change = active("DEV", "LEAD", 1).changeManager("BOSS", List.of("BOSS"),
                Optional.of(active("BOSS", null, 1)), NOW);

        assertThat(change.event()).isEqualTo(new EmployeeManagerChanged("DEV", "LEAD", "BOSS"));
        assertThat(change.state()).isEqualTo(active("DEV", "BOSS", 2));
    }

    @Test
    void changeManagerToNoneMakesTheEmployeeTopLevel() {
        Change<Employee> change = active("DEV", "LEAD", 1).changeManager(null, List.of(), Optional.empty(), NOW);

        assertThat(change.event()).isEqualTo(new EmployeeManagerChanged("DEV", "LEAD", null));
        assertThat(change.state().managerCode()).isNull();
    }

    @Test
    void changeManagerIsRefusedOnceTheEmployeeHasLeft() {
        assertThat(refusal("Employee has left", () -> left("DEV", "LEAD").changeManager("BOSS", List.of("BOSS"),
                Optional.of(active("BOSS", null, 1)), NOW)))
                .hasMessage("DEV has left; their manager is final");
    }

    @Test
    void changeManagerIsRefusedForTheSameManager() {
        assertThat(refusal("Same manager", () -> active("DEV", "LEAD", 1).changeManager("LEAD", List.of("LEAD"),
                Optional.of(active("LEAD", null, 1)), NOW)))
                .hasMessage("DEV already reports to LEAD");
        assertThat(refusal("Same manager", () -> active("TOP", null, 1).changeManager(null, List.of(),
                Optional.empty(), NOW)))
                .hasMessage("TOP already reports to null");
    }

    @Test
    void changeManagerIsRefusedToReportToThemselves() {
        assertThat(refusal("Reporting cycle", () -> active("A", null, 1).changeManager("A", List.of("A"),
                Optional.of(active("A", null, 1)), NOW)))
                .hasMessage("A cannot report to themselves");
    }

    @Test
    void changeManagerIsRefusedToReportToSomeoneInTheOwnChain() {
        // C reports to B, B reports to A: A may not report to C
        assertThat(refusal("Reporting cycle", () -> active("A", null, 1).changeManager("C", List.of("C", "B", "A"),
                Optional.of(active("C", "B", 1)), NOW)))
                .hasMessage("A cannot report to C, who reports (indirectly) to A");
    }

    @Test
    void changeManagerChecksTheCycleBeforeTheManagersState() {
        refusal("Reporting cycle", () -> active("A", null, 1).changeManager("C", List.of("C", "A"),
                Optional.of(left("C", "A")), NOW));
    }

    @Test
    void changeManagerIsRefusedToAnUnknownOrInactiveManager() {
        assertThat(refusal("Unknown manager", () -> active("DEV", "LEAD", 1).changeManager("GHOST", List.of("GHOST"),
                Optional.empty(), NOW)))
                .hasMessage("Manager GHOST does not exist");
        assertThat(refusal("Inactive manager", () -> active("DEV", "LEAD", 1).changeManager("BOSS", List.of("BOSS"),
                Optional.of(left("BOSS", null)), NOW)))
                .hasMessage("Manager BOSS has left");
    }

    // terminate

    @Test
    void terminateSetsTheLastWorkingDate() {
        LocalDate last = LocalDate.of(2026, 12, 31);
        Change<Employee> change = active("DEV", "LEAD", 2).terminate(last, List.of(), NOW);

        assertThat(change.event()).isEqualTo(new EmployeeTerminated("DEV", "LEAD", last));
        assertThat(change.state().lastWorkingDate()).isEqualTo(last);
        assertThat(change.state().active()).isFalse();
        assertThat(change.version()).isEqualTo(3);
    }

    @Test
    void terminateIsRefusedOnceTheEmployeeHasLeft() {
        assertThat(refusal("Employee has left",
                () -> left("DEV", "LEAD").terminate(LocalDate.of(2026, 12, 31), List.of(), NOW)))
                .hasMessage("DEV left on 2026-06-30");
    }

    @Test
    void terminateIsRefusedWhileManagingActiveEmployeesAndNamesThem() {
        CommandRefused refused = refusal("Active reportees",
                () -> active("M", null, 1).terminate(LocalDate.of(2026, 12, 31), List.of("R1", "R2"), NOW));

        assertThat(refused).hasMessage("M still manages 2 active employee(s): R1, R2; give them another manager first");
        assertThat(refused.properties()).containsEntry("activeReportees", List.of("R1", "R2"));
    }
}
