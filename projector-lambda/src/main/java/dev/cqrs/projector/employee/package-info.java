/**
 * Employees read model: the DynamoDB single-table projection into {@code EMPLOYEES_TABLE} (employee items and the
 * reportee items under each manager's partition), one version-gated transaction per event.
 */
package dev.cqrs.projector.employee;
