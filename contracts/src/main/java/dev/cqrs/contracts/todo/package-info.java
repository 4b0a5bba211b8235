/** The todo aggregate's events, as they travel on the wire. */
package dev.cqrs.contracts.todo;
