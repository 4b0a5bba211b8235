package dev.cqrs.infra.aws;

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
 * notify it: DLQ depth, outbox age, projector errors. The replica health alarms live with the weighted replica name
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

    /** The command-service's relay publishes the age of the oldest unpublished outbox row (no dimensions). */
    void outboxAge(int thresholdSeconds) {
        Alarm.Builder.create(stack, "OutboxAgeAlarm")
                .alarmDescription("Outbox rows are not reaching SNS (command-service relay stuck or failing)")
                .metric(Metric.Builder.create()
                        .namespace(CqrsStack.OUTBOX_NAMESPACE)
                        .metricName(CqrsStack.OUTBOX_METRIC)
                        .statistic("Maximum")
                        .period(Duration.minutes(1))
                        .build())
                .threshold(thresholdSeconds)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(3)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.MISSING)
                .build()
                .addAlarmAction(action);
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
