package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandRefused;
import dev.cqrs.command.dispatch.Versioned;
import dev.cqrs.command.employee.EmployeeCommands.HireEmployee;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import dev.cqrs.contracts.employee.EmployeeHired;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import dev.cqrs.contracts.employee.EmployeeTerminated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The employee aggregate: its state on the write side and every rule of its life, each next to the event it emits.
 * A decision returns the {@link Change} (the employee one version later and its event, stamped {@code now}) or throws
 * {@link CommandRefused} (409). Pure: the hierarchy rules get the facts they need from the database as arguments
 * (the named manager as stored, the new manager's reporting chain, the active reportees), which the handlers read
 * under the hierarchy lock so the facts stay true until the commit.
 *
 * <p>Codes are upper-case; {@code managerCode} null = top of the hierarchy; {@code lastWorkingDate} null = active.
 */
record Employee(String code, String name, String email, String jobTitle, String managerCode, LocalDate hireDate,
                LocalDate lastWorkingDate, long version) implements Versioned {

    boolean active() {
        return lastWorkingDate == null;
    }

    /**
     * Hires {@code hire} at version 1. A named manager must exist and be active ("Unknown manager", "Inactive
     * manager"); {@code manager} is that manager as stored, empty if there is none. (A taken code is refused by the
     * store: the primary key decides.)
     */
    static Change<Employee> hire(HireEmployee hire, Optional<Employee> manager, Instant now) {
        if (hire.managerCode() != null) {
            requireActiveManager(hire.managerCode(), manager);
        }
        Employee hired = new Employee(hire.code(), hire.name(), hire.email(), hire.jobTitle(), hire.managerCode(),
                hire.hireDate(), null, 1);
        return new Change<>(hired, new EmployeeHired(hire.code(), hire.name(), hire.email(), hire.jobTitle(),
                hire.managerCode(), hire.hireDate()), now);
    }

    /** New name, email and job title; allowed in any state. */
    Change<Employee> updateDetails(String newName, String newEmail, String newJobTitle, Instant now) {
        return new Change<>(new Employee(code, newName, newEmail, newJobTitle, managerCode, hireDate, lastWorkingDate,
                version + 1), new EmployeeDetailsUpdated(code, newName, newEmail, newJobTitle), now);
    }

    /**
     * Reports to {@code newManagerCode} from now on (null: top-level). Refused, in this order, if the employee has left
     * ("Employee has left"), already reports there ("Same manager"), would report to themselves or to someone in their
     * own reporting chain ("Reporting cycle"), or the manager is unknown or has left ("Unknown manager", "Inactive
     * manager").
     *
     * @param chainOfNewManager the new manager's code, then their manager's, and so on up to the top (empty for null)
     * @param newManager        the new manager as stored (empty if unknown or null)
     */
    Change<Employee> changeManager(String newManagerCode, List<String> chainOfNewManager, Optional<Employee> newManager,
                                   Instant now) {
        if (!active()) {
            throw CommandRefused.conflict("Employee has left", code + " has left; their manager is final");
        }
        if (Objects.equals(managerCode, newManagerCode)) {
            throw CommandRefused.conflict("Same manager", code + " already reports to " + newManagerCode);
        }
        if (newManagerCode != null) {
            if (chainOfNewManager.contains(code)) {
                throw CommandRefused.conflict("Reporting cycle", newManagerCode.equals(code)
                        ? code + " cannot report to themselves"
                        : code + " cannot report to " + newManagerCode + ", who reports (indirectly) to " + code);
            }
            requireActiveManager(newManagerCode, newManager);
        }
        return new Change<>(new Employee(code, name, email, jobTitle, newManagerCode, hireDate, lastWorkingDate,
                version + 1), new EmployeeManagerChanged(code, managerCode, newManagerCode), now);
    }

    /**
     * Leaves on {@code newLastWorkingDate}. Refused if already gone ("Employee has left"), or while still managing
     * active employees ("Active reportees", their codes in the {@code activeReportees} property): they would be left
     * reporting to someone inactive, so the client moves them first.
     *
     * @param activeReportees codes of the active employees reporting directly to this one, in code order
     */
    Change<Employee> terminate(LocalDate newLastWorkingDate, List<String> activeReportees, Instant now) {
        if (!active()) {
            throw CommandRefused.conflict("Employee has left", code + " left on " + lastWorkingDate);
        }
        if (!activeReportees.isEmpty()) {
            throw CommandRefused.conflict("Active reportees", code + " still manages " + activeReportees.size()
                            + " active employee(s): " + String.join(", ", activeReportees)
                            + "; give them another manager first")
                    .with("activeReportees", activeReportees);
        }
        return new Change<>(new Employee(code, name, email, jobTitle, managerCode, hireDate, newLastWorkingDate,
                version + 1), new EmployeeTerminated(code, managerCode, newLastWorkingDate), now);
    }

    private static void requireActiveManager(String managerCode, Optional<Employee> manager) {
        Employee found = manager.orElseThrow(() -> CommandRefused.conflict("Unknown manager",
                "Manager " + managerCode + " does not exist"));
        if (!found.active()) {
            throw CommandRefused.conflict("Inactive manager", "Manager " + managerCode + " has left");
        }
    }
}
