/**
 * Employees read model (later issue): a DynamoDB single-table projection into {@code EMPLOYEES_TABLE}, built with the
 * SDK's enhanced client (dynamodb-enhanced, url-connection HTTP client), version-gated with a condition expression
 * like the todo projection's SQL gate. It implements {@link dev.cqrs.projector.Projection} and is registered in
 * {@code Projector.batchProcessor(..)}; nothing else in the handler changes.
 */
package dev.cqrs.projector.employee;
