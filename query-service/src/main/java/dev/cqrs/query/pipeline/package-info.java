/**
 * The pipeline page's data, {@code GET /api/pipeline}: one snapshot of the outbox, the queues, the projections, the
 * audit trail and the replicas, assembled from the services' own metrics (their {@code /actuator/prometheus}), never
 * from another service's database. Rates and mean lags come from two scrapes; a service that cannot be scraped
 * leaves its fields null and is named in the snapshot's sources.
 */
package dev.cqrs.query.pipeline;
