/**
 * What travels between the services, defined once: the event envelope ({@link dev.cqrs.contracts.EventEnvelope}),
 * the registry of event types ({@link dev.cqrs.contracts.EventTypes}) and the one JSON codec
 * ({@link dev.cqrs.contracts.EventJson}), which also rejects what can never be processed. Events live in one package
 * per aggregate; the shapes of the stores two services share live in {@code store}. Depends on no service, and on
 * nothing but Jackson.
 */
package dev.cqrs.contracts;
