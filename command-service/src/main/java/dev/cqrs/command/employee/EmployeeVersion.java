package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Versioned;

/**
 * What an employee command returns, and the JSON body of its response ({@code {"code":"E100","version":2}}): the
 * employee and the version it reached (also sent as ETag and X-Consistency-Token).
 */
record EmployeeVersion(String code, long version) implements Versioned {

    static EmployeeVersion of(Employee employee) {
        return new EmployeeVersion(employee.code(), employee.version());
    }
}
