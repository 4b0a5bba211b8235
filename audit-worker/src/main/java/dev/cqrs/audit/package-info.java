/** The audit worker: a Spring Boot process with an actuator health endpoint; the work is in {@code record}. */
package dev.cqrs.audit;
