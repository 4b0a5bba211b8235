/**
 * The operator's redrive ({@code bin/redrive}): moves a FIFO dead-letter queue back to its source queue, each
 * aggregate in order.
 */
package dev.cqrs.projector.redrive;
