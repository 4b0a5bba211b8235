package dev.cqrs.contracts.employee;

import dev.cqrs.contracts.DomainEvent;

import java.time.LocalDate;

/** An employee joined. {@code employeeCode} is upper-case; {@code managerCode} is null for the top of the hierarchy. */
public record EmployeeHired(
        String employeeCode,
        String name,
        String email,
        String jobTitle,
        String managerCode,
        LocalDate hireDate) implements DomainEvent {

    public static final String AGGREGATE_TYPE = "employee";

    @Override
    public String aggregateType() {
        return EmployeeHired.AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return employeeCode;
    }
}
