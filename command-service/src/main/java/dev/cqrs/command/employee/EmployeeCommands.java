package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Command;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * The commands on employees, validated at the edge ({@link EmployeeController}); codes are already upper-cased.
 * {@code expectedVersion} comes from If-Match; empty means "whatever is current". Each has its own handler.
 */
final class EmployeeCommands {

    private EmployeeCommands() {
    }

    record HireEmployee(String code, String name, String email, String jobTitle, String managerCode,
                        LocalDate hireDate) implements Command<EmployeeVersion> {
    }

    /** All or nothing: one bad row and no one is hired. Rows may name managers hired earlier in the same batch. */
    record HireEmployees(List<HireEmployee> employees) implements Command<List<EmployeeVersion>> {
    }

    record UpdateEmployeeDetails(String code, String name, String email, String jobTitle,
                                 OptionalLong expectedVersion) implements Command<EmployeeVersion> {
    }

    record ChangeManager(String code, String managerCode, OptionalLong expectedVersion)
            implements Command<EmployeeVersion> {
    }

    record TerminateEmployee(String code, LocalDate lastWorkingDate, OptionalLong expectedVersion)
            implements Command<EmployeeVersion> {
    }
}
