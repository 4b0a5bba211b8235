package dev.cqrs.infra.aws;

import dev.cqrs.contracts.observability.CloudWatchMetrics;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * The alarm topic ({@code <prefix>-alarms}, optionally with an e-mail subscription) and the operational alarms that
 * notify it: DLQ depth, outbox age and parked rows (exported by command-service under contracts' CloudWatchMetrics
 * names), projector errors. The replica health alarms live with the weighted replica name
 * ({@link ReplicaDns}), whose health checks they feed; they notify this topic too.
 */
final class Alarms {

    final Topic topic;
    final SnsAction action;
    private final Stack stack;

    Alarms(Stack stack, ResourceNames names, CqrsConfig config) {
        this.stack = stack;
        topic = Topic.Builder.create(stack, "AlarmTopic")
                .topicName(names.prefix() + "-alarms")
                .enforceSsl(true)
                .build();
        config.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
        action = new SnsAction(topic);
    }

    /** Any message in the DLQ: a poison event needs attention. */
    void deadLetterQueue(String id, Queue dlq) {
        anyWithinFiveMinutes(id, "Messages in " + dlq.getQueueName() + ": poison events need attention",
                dlq.metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().period(Duration.minutes(5)).statistic("Maximum").build()));
    }

    /**
     * The age of the oldest unpublished outbox row, as command-service exports it (contracts' CloudWatchMetrics:
     * namespace {@code Cqrs/Outbox}, no dimensions, one datapoint a minute from every running task, 0 when nothing
     * waits). Missing data is breaching: no datapoint for minutes means no command-service is running, so no relay
     * is either, and events may be waiting unseen.
     */
    void outboxAge(int thresholdSeconds) {
        Alarm.Builder.create(stack, "OutboxAgeAlarm")
                .alarmDescription("Outbox rows are not reaching SNS (command-service relay stuck, failing or not "
                        + "running)")
                .metric(outboxMetric(CloudWatchMetrics.OLDEST_UNPUBLISHED_AGE))
                .threshold(thresholdSeconds)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(3)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.BREACHING)
                .build()
                .addAlarmAction(action);
    }

    /** Any parked outbox row: the relay gave up on an event (GET /api/outbox/parked); no data is fine. */
    void outboxParked() {
        anyWithinFiveMinutes("OutboxParkedAlarm", "The outbox relay parked events; retry them after fixing the cause",
                outboxMetric(CloudWatchMetrics.PARKED));
    }

    /** A command-service metric exported to CloudWatch, its maximum per minute (the export's step). */
    static Metric outboxMetric(CloudWatchMetrics.Exported exported) {
        return Metric.Builder.create()
                .namespace(CloudWatchMetrics.NAMESPACE)
                .metricName(exported.metricName())
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .build();
    }

    void projectorErrors(Function projector) {
        anyWithinFiveMinutes("ProjectorErrorsAlarm", "The projector Lambda reported errors",
                projector.metricErrors().with(
                        MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build()));
    }

    /** Alarms as soon as one 5-minute period of {@code metric} is above 0; no data is fine. */
    private void anyWithinFiveMinutes(String id, String description, IMetric metric) {
        Alarm.Builder.create(stack, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(action);
    }
}
