/**
 * Runs the projector without Lambda (bin/run, Docker): a process ({@link dev.cqrs.projector.local.LocalEventSourceRunner})
 * that plays Lambda's SQS event source mapping with a poll loop, invoke-and-delete and Lambda's reading of partial
 * batch responses, plus a health endpoint. Not used by the Lambda itself.
 */
package dev.cqrs.projector.local;
