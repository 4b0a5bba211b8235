package dev.cqrs.contracts.employee;

import dev.cqrs.contracts.DomainEvent;

/** An employee now reports to another manager; read models move the reportee entry atomically. */
public record EmployeeManagerChanged(
        String employeeCode,
        String previousManagerCode,
        String newManagerCode) implements DomainEvent {

    @Override
    public String aggregateType() {
        return EmployeeHired.AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return employeeCode;
    }
}
