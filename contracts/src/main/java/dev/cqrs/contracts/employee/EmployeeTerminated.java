package dev.cqrs.contracts.employee;

import dev.cqrs.contracts.DomainEvent;

import java.time.LocalDate;

/** An employee leaves on {@code lastWorkingDate}; they drop out of their manager's active reportees. */
public record EmployeeTerminated(
        String employeeCode,
        String managerCode,
        LocalDate lastWorkingDate) implements DomainEvent {

    @Override
    public String aggregateType() {
        return EmployeeHired.AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return employeeCode;
    }
}
