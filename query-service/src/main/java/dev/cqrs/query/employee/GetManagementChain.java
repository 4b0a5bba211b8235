package dev.cqrs.query.employee;

/**
 * Query: the managers of an employee, from the direct manager up to the top.
 *
 * @param code upper case
 */
record GetManagementChain(String code) {
}
