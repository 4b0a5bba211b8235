/**
 * The write side: HTTP commands, each run in one primary transaction that also appends its events to the outbox.
 *
 * <p>Packages, from the bottom up (checked by {@code architecture-tests/.../CommandServiceStructureTest}):
 * <ul>
 *   <li>{@code dispatch}: the command vocabulary (command, handler, dispatcher, accepted {@code Change},
 *       {@code CommandRefused}); depends on nothing else here;</li>
 *   <li>{@code outbox}: appending events in the command's transaction, relaying them to SNS;</li>
 *   <li>{@code api}: what every command endpoint shares (If-Match, version headers, storable dates);</li>
 *   <li>features {@code todo}, {@code employee}, {@code audit}: controller, commands, handlers, aggregate, store;
 *       independent of each other;</li>
 *   <li>{@code web}: request plumbing around every endpoint (metadata, body cap, Idempotency-Key, CORS, problem
 *       details); on top, nothing depends on it.</li>
 * </ul>
 * A command travels controller → {@code CommandDispatcher} → its handler (load → decide → save → append) → the
 * aggregate decides → {@code Outbox}.
 */
package dev.cqrs.command;
