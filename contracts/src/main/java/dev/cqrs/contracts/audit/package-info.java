/** The free audit message's event, as it travels on the wire. */
package dev.cqrs.contracts.audit;
