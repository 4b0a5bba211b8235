/**
 * The projector Lambda: {@link dev.cqrs.projector.ProjectorHandler} is the function, {@link dev.cqrs.projector.Projector}
 * wires it from the environment. Owns the way from an SQS batch to the read models: decoding with the shared codec,
 * routing each event to its projection, the partial batch response, parking poison in the dead-letter queue and
 * marking its aggregate parked (so the later events of that aggregate follow it in order), and read_db's Flyway
 * migrations. The read models themselves live in {@code todo} and {@code employee}.
 */
package dev.cqrs.projector;
