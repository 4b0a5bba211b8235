/**
 * The shapes one service writes and another reads, as plain constants and formats (no AWS SDK): the audit table's
 * item, the employee item and its index, the attributes of a dead-lettered message. docs/conventions.md describes
 * them; these classes are their one definition in code.
 */
package dev.cqrs.contracts.store;
