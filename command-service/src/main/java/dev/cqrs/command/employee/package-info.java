/**
 * Employees: {@code /api/employees}, the employee commands and their handlers, the
 * {@link dev.cqrs.command.employee.Employee} aggregate (every rule, the hierarchy ones included, and the event each
 * emits) and the {@code employee} and {@code hierarchy_lock} tables. Depends on {@code dispatch}, {@code outbox},
 * {@code api} and the contracts; never on another feature or on {@code web}.
 */
package dev.cqrs.command.employee;
