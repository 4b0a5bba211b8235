/**
 * Traces, meters and their export for the projector, without Spring (the Lambda's cold start pays for every class):
 * {@link dev.cqrs.projector.telemetry.Telemetry} builds Micrometer Tracing on Brave with W3C Trace Context
 * propagation and a Prometheus meter registry; {@link dev.cqrs.projector.telemetry.ObservedProjection} measures one
 * read model. Depends on the projection SPI only.
 */
package dev.cqrs.projector.telemetry;
