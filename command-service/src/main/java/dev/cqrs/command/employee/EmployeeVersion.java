package dev.cqrs.command.employee;

/** What an employee command returns: the employee and the version it reached. */
record EmployeeVersion(String code, long version) {
}
