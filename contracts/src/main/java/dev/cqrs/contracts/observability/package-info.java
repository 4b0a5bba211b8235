/**
 * The observability names every module shares, as plain constants (no Micrometer, no AWS SDK): meter names and tags
 * the services register and tests scrape ({@link MetricNames}), the CloudWatch names the CDK alarms and dashboard
 * watch ({@link CloudWatchMetrics}), and the W3C Trace Context message attribute that carries a trace across SNS and
 * SQS ({@link TraceContextAttributes}). README "Observability" lists them for readers.
 */
package dev.cqrs.contracts.observability;
