/** The DynamoDB client the employee and audit features share, and reading attributes of the items they get. */
package dev.cqrs.query.dynamodb;
