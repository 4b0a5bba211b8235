/**
 * What a read model implements to be fed events ({@link dev.cqrs.projector.projection.Projection}) and how it says
 * "not yet" ({@link dev.cqrs.projector.projection.RetryLaterException}) or "an earlier event is missing"
 * ({@link dev.cqrs.projector.projection.VersionGapException}). The one package the read models and the pipeline that
 * feeds them both depend on, so neither depends on the other.
 */
package dev.cqrs.projector.projection;
