package dev.cqrs.query.employee;

import dev.cqrs.query.consistency.ConsistencyToken;

/**
 * Query: one employee by code.
 *
 * @param code    upper case
 * @param atLeast the client's consistency token, or {@code null} to read once without waiting
 */
record GetEmployee(String code, ConsistencyToken atLeast) {
}
