package dev.cqrs.contracts.employee;

import dev.cqrs.contracts.DomainEvent;

/** An employee's name, email or job title changed. */
public record EmployeeDetailsUpdated(
        String employeeCode,
        String name,
        String email,
        String jobTitle) implements DomainEvent {

    @Override
    public String aggregateType() {
        return EmployeeHired.AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return employeeCode;
    }
}
