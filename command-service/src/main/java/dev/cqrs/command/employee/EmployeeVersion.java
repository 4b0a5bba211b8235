package dev.cqrs.command.employee;

import dev.cqrs.command.web.VersionHeaders;

/** What an employee command returns: the employee and the version it reached. */
record EmployeeVersion(String code, long version) implements VersionHeaders.Versioned {
}
