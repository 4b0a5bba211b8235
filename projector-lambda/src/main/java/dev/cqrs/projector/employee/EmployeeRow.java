package dev.cqrs.projector.employee;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import dev.cqrs.contracts.employee.EmployeeHired;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import dev.cqrs.contracts.employee.EmployeeTerminated;

/**
 * One employee as the read model holds it, and how each event changes it: a pure function, no DynamoDB.
 *
 * @param managerCode     {@code null} at the top of the hierarchy
 * @param hireDate        ISO {@code yyyy-MM-dd}
 * @param lastWorkingDate ISO {@code yyyy-MM-dd}; {@code null} while employed
 * @param version         the aggregate version of the last event applied
 */
record EmployeeRow(String code, String name, String email, String jobTitle, String managerCode, String hireDate,
                   String lastWorkingDate, long version) {

    /** Only active employees are listed under their manager: the key of the {@code byManager} index, or null. */
    String reportsTo() {
        return lastWorkingDate == null ? managerCode : null;
    }

    /**
     * The employee after {@code event}, which must be the next version of this employee ({@code current} is
     * {@code null} before the hire). The version rule is the caller's; this only says what the event changes.
     *
     * @throws InvalidEventException if the event can never apply (no such field, not an employee event, no hire
     *                               date, a change to an employee that was never hired)
     */
    static EmployeeRow evolve(EmployeeRow current, EventEnvelope event) {
        long version = event.aggregateVersion();
        if (current == null && !(event.payload() instanceof EmployeeHired)) {
            throw new InvalidEventException(event.eventType() + " v" + version + " of employee "
                    + event.aggregateId() + " is not a hire, yet the employee has no earlier event");
        }
        return switch (event.payload()) {
            case EmployeeHired hired -> {
                if (hired.hireDate() == null) {
                    throw new InvalidEventException("EmployeeHired " + hired.employeeCode() + " has no hireDate");
                }
                yield new EmployeeRow(hired.employeeCode(), hired.name(), hired.email(), hired.jobTitle(),
                        hired.managerCode(), hired.hireDate().toString(), null, version);
            }
            case EmployeeDetailsUpdated updated -> new EmployeeRow(current.code, updated.name(), updated.email(),
                    updated.jobTitle(), current.managerCode, current.hireDate, current.lastWorkingDate, version);
            case EmployeeManagerChanged changed -> new EmployeeRow(current.code, current.name, current.email,
                    current.jobTitle, changed.newManagerCode(), current.hireDate, current.lastWorkingDate, version);
            case EmployeeTerminated terminated -> {
                if (terminated.lastWorkingDate() == null) {
                    throw new InvalidEventException("EmployeeTerminated " + current.code + " has no lastWorkingDate");
                }
                yield new EmployeeRow(current.code, current.name, current.email, current.jobTitle,
                        current.managerCode, current.hireDate, terminated.lastWorkingDate().toString(), version);
            }
            default -> throw new InvalidEventException(event.eventType() + " is not an employee event");
        };
    }
}
