package dev.cqrs.infra.aws;

import dev.cqrs.contracts.observability.CloudWatchMetrics;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.rds.DatabaseInstanceReadReplica;
import software.amazon.awscdk.services.sqs.Queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pipeline on one CloudWatch dashboard ({@code <prefix>-pipeline}), left to right as an event travels: the outbox
 * (oldest unpublished age, backlog, parked: command-service's export, contracts' CloudWatchMetrics names), the queues
 * and their DLQs (SQS's own metrics: visible messages, age of the oldest), the projector Lambda (invocations, errors,
 * duration) and the replicas' lag (RDS ReplicaLag, per replica). Traces are in X-Ray, per-service details on each
 * task's /actuator/prometheus.
 */
final class Dashboard {

    private static final Duration PERIOD = Duration.minutes(1);

    Dashboard(Stack stack, ResourceNames names, Messaging messaging, ProjectorFunction projector, Database database) {
        List<IWidget> row1 = List.of(
                graph("Outbox: oldest unpublished event (s)",
                        Alarms.outboxMetric(CloudWatchMetrics.OLDEST_UNPUBLISHED_AGE)),
                graph("Outbox: unpublished and parked events",
                        Alarms.outboxMetric(CloudWatchMetrics.BACKLOG), Alarms.outboxMetric(CloudWatchMetrics.PARKED)),
                graph("Queues: visible messages",
                        visible(messaging.projectorQueue), visible(messaging.auditQueue),
                        visible(messaging.projectorDlq), visible(messaging.auditDlq)));
        List<IMetric> replicaLag = new ArrayList<>();
        for (DatabaseInstanceReadReplica replica : database.replicas) {
            replicaLag.add(Metric.Builder.create()
                    .namespace("AWS/RDS")
                    .metricName("ReplicaLag")
                    .dimensionsMap(Map.of("DBInstanceIdentifier", replica.getInstanceIdentifier()))
                    .statistic("Maximum")
                    .period(PERIOD)
                    .build());
        }
        List<IWidget> row2 = List.of(
                graph("Queues: age of the oldest message (s)",
                        messaging.projectorQueue.metricApproximateAgeOfOldestMessage(maximum()),
                        messaging.auditQueue.metricApproximateAgeOfOldestMessage(maximum())),
                graph("Projector Lambda: invocations and errors",
                        projector.function.metricInvocations(sum()), projector.function.metricErrors(sum())),
                graph("Projector Lambda: duration (ms, p99)",
                        projector.function.metricDuration(MetricOptions.builder().statistic("p99").period(PERIOD)
                                .build())),
                graph("Replicas: lag (s)", replicaLag.toArray(IMetric[]::new)));
        software.amazon.awscdk.services.cloudwatch.Dashboard.Builder.create(stack, "PipelineDashboard")
                .dashboardName(names.prefix() + "-pipeline")
                .widgets(List.of(row1, row2))
                .build();
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(6).height(6).build();
    }

    private static IMetric visible(Queue queue) {
        return queue.metricApproximateNumberOfMessagesVisible(maximum());
    }

    private static MetricOptions maximum() {
        return MetricOptions.builder().statistic("Maximum").period(PERIOD).build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }
}
