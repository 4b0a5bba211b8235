/**
 * The operator's redrive ({@code bin/redrive}): moves a FIFO dead-letter queue back to its source queue, each
 * aggregate in order, releasing the projector's parked aggregates first.
 */
package dev.cqrs.projector.redrive;
