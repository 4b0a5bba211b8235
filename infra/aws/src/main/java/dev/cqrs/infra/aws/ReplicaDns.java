package dev.cqrs.infra.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.rds.DatabaseInstanceReadReplica;
import software.amazon.awscdk.services.route53.CfnHealthCheck;
import software.amazon.awscdk.services.route53.CnameRecord;
import software.amazon.awscdk.services.route53.HealthCheck;
import software.amazon.awscdk.services.route53.PrivateHostedZone;

import java.util.List;
import java.util.Map;

/**
 * The weighted replica name the query service reads through: a private hosted zone with {@code replicas.<zone>} as
 * one weighted CNAME per replica (equal weights, short TTL), each behind a health check.
 * <p>
 * Route 53 cannot probe private IPs, so replica health comes from CloudWatch alarms on the replica's own metrics:
 * unhealthy when ReplicaLag is high or missing (instance down), or negative (-1 = replication stopped). Two metric
 * health checks are combined by a calculated one (both must be healthy).
 */
final class ReplicaDns {

    /** {@code replicas.<zone>}: the host of QUERY_DB_URL. */
    final String hostname;
    private final Stack stack;
    private final ResourceNames names;

    ReplicaDns(Stack stack, ResourceNames names, CqrsConfig config, Network network, Database database,
               Alarms alarms) {
        this.stack = stack;
        this.names = names;
        PrivateHostedZone zone = PrivateHostedZone.Builder.create(stack, "DbZone")
                .zoneName(config.dbZoneName())
                .vpc(network.vpc)
                .comment("Weighted name over the MySQL read replicas (query-service reads through it)")
                .build();
        for (int i = 0; i < database.replicas.size(); i++) {
            DatabaseInstanceReadReplica replica = database.replicas.get(i);
            String n = String.valueOf(i + 1);
            CfnHealthCheck health = healthCheck(n, replica, alarms);
            CnameRecord.Builder.create(stack, "ReplicaRecord" + n)
                    .zone(zone)
                    .recordName(CqrsStack.REPLICA_RECORD)
                    .domainName(replica.getDbInstanceEndpointAddress())
                    .ttl(Duration.seconds(CqrsStack.REPLICA_TTL_SECONDS))
                    .weight(CqrsStack.REPLICA_WEIGHT)
                    .setIdentifier("replica-" + n)
                    .healthCheck(HealthCheck.fromHealthCheckId(stack, "ReplicaHealth" + n + "Ref",
                            health.getAttrHealthCheckId()))
                    .comment("read replica " + n)
                    .build();
        }
        hostname = CqrsStack.REPLICA_RECORD + "." + config.dbZoneName();
    }

    private CfnHealthCheck healthCheck(String n, DatabaseInstanceReadReplica replica, Alarms alarms) {
        Metric lag = Metric.Builder.create()
                .namespace("AWS/RDS")
                .metricName("ReplicaLag")
                .dimensionsMap(Map.of("DBInstanceIdentifier", replica.getInstanceIdentifier()))
                .period(Duration.minutes(1))
                .statistic("Maximum")
                .build();
        Alarm lagging = Alarm.Builder.create(stack, "Replica" + n + "LagAlarm")
                .alarmDescription("Replica " + n + " lags (> 30 s) or reports no metrics")
                .metric(lag)
                .threshold(30)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(2)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        lagging.addAlarmAction(alarms.action);
        Alarm stopped = Alarm.Builder.create(stack, "Replica" + n + "StoppedAlarm")
                .alarmDescription("Replica " + n + " replication stopped (ReplicaLag = -1)")
                .metric(lag.with(MetricOptions.builder().statistic("Minimum").build()))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(2)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        stopped.addAlarmAction(alarms.action);
        CfnHealthCheck lagCheck = alarmHealthCheck("Replica" + n + "LagHealth", lagging, "Unhealthy");
        CfnHealthCheck stoppedCheck = alarmHealthCheck("Replica" + n + "StoppedHealth", stopped, "LastKnownStatus");
        return CfnHealthCheck.Builder.create(stack, "Replica" + n + "Health")
                .healthCheckConfig(CfnHealthCheck.HealthCheckConfigProperty.builder()
                        .type("CALCULATED")
                        .childHealthChecks(List.of(lagCheck.getAttrHealthCheckId(),
                                stoppedCheck.getAttrHealthCheckId()))
                        .healthThreshold(2)
                        .build())
                .healthCheckTags(List.of(CfnHealthCheck.HealthCheckTagProperty.builder()
                        .key("Name").value(names.prefix() + "-replica-" + n).build()))
                .build();
    }

    private CfnHealthCheck alarmHealthCheck(String id, Alarm alarm, String insufficientData) {
        return CfnHealthCheck.Builder.create(stack, id)
                .healthCheckConfig(CfnHealthCheck.HealthCheckConfigProperty.builder()
                        .type("CLOUDWATCH_METRIC")
                        .alarmIdentifier(CfnHealthCheck.AlarmIdentifierProperty.builder()
                                .name(alarm.getAlarmName())
                                .region(stack.getRegion())
                                .build())
                        .insufficientDataHealthStatus(insufficientData)
                        .build())
                .build();
    }
}
