/**
 * Employees read model: the DynamoDB single-table projection into {@code EMPLOYEES_TABLE}, one conditional,
 * version-gated write of the employee item per event; the sparse {@code byManager} index lists active reportees.
 */
package dev.cqrs.projector.employee;
