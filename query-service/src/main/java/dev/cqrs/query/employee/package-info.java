/**
 * Employee queries over the employees table (shape: contracts' {@code EmployeeItemFormat}): one employee (with
 * consistency tokens), the active direct reportees through the sparse {@code byManager} index, the management chain.
 */
package dev.cqrs.query.employee;
