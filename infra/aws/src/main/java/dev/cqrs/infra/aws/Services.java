package dev.cqrs.infra.aws;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.cqrs.infra.aws.Parts.allow;

/**
 * The three Fargate services with their environment (docs/conventions.md) and least-privilege task roles:
 * command-service (publish to the topic, the outbox metric), query-service (read the tables and their indexes) and
 * audit-worker (its queue, its DLQ, PutItem on the audit table). The HTTP services start after {@link DbBootstrap}.
 * How a task and a service are built: {@link FargateParts}.
 */
final class Services {

    final FargateService commandService;
    final FargateService queryService;

    Services(Stack stack, ResourceNames names, CqrsConfig config, Cluster cluster, Network network,
             Database database, ReplicaDns replicaDns, Messaging messaging, Tables tables, DbBootstrap bootstrap,
             Identity identity, String frontendOrigin) {
        FargateParts parts = new FargateParts(stack, names, config);

        Map<String, String> commandEnv = new LinkedHashMap<>();
        commandEnv.put("AWS_REGION", stack.getRegion());
        commandEnv.put("COMMAND_DB_URL", Parts.jdbcUrl(database.primaryHost(), CqrsStack.COMMAND_DB));
        commandEnv.put(names.domainEvents().env(), messaging.events.getTopicArn());
        commandEnv.putAll(identity.serviceEnvironment());
        // the hosted front end (CloudFront) is the one browser origin the API answers
        commandEnv.put("CORS_ALLOWED_ORIGINS", frontendOrigin);
        // the outbox gauges to CloudWatch, where the alarms watch them (command-service's outbox/CloudWatchExport)
        commandEnv.put("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED", "true");
        FargateTaskDefinition commandTask = parts.taskDefinition("CommandService", "command-service",
                parts.image("CommandServiceRepo", "command-service", config.commandServiceImage()),
                CqrsStack.COMMAND_PORT, commandEnv, FargateParts.dbSecrets("COMMAND_DB", database.commandUser,
                        database.commandMigrationUser));
        commandTask.addToTaskRolePolicy(allow(List.of("sns:Publish"), messaging.events.getTopicArn()));
        // PutMetricData has no resource-level permissions: "*" is required, narrowed by the namespace condition.
        commandTask.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", CqrsStack.OUTBOX_NAMESPACE)))
                .build());

        Map<String, String> queryEnv = new LinkedHashMap<>();
        queryEnv.put("AWS_REGION", stack.getRegion());
        queryEnv.put("QUERY_DB_URL", Parts.jdbcUrl(replicaDns.hostname, CqrsStack.READ_DB));
        queryEnv.put(names.employeesTable().env(), tables.employees.getTableName());
        queryEnv.put(names.auditTable().env(), tables.audit.getTableName());
        queryEnv.putAll(identity.serviceEnvironment());
        queryEnv.put("CORS_ALLOWED_ORIGINS", frontendOrigin);
        // no replica.lag gauge: RDS reports ReplicaLag per replica to CloudWatch itself
        queryEnv.put("QUERY_REPLICA_HOSTS", "");
        FargateTaskDefinition queryTask = parts.taskDefinition("QueryService", "query-service",
                parts.image("QueryServiceRepo", "query-service", config.queryServiceImage()),
                CqrsStack.QUERY_PORT, queryEnv, FargateParts.dbSecrets("QUERY_DB", database.queryUser));
        queryTask.addToTaskRolePolicy(allow(List.of("dynamodb:GetItem", "dynamodb:Query"),
                tables.employees.getTableArn(), tables.audit.getTableArn()));
        // A Query on a GSI is authorized against the index's ARN, not the table's (e.g. the audit time range).
        List<String> queryableIndexes = tables.indexArns();
        if (!queryableIndexes.isEmpty()) {
            queryTask.addToTaskRolePolicy(allow(List.of("dynamodb:Query"), queryableIndexes.toArray(String[]::new)));
        }

        Map<String, String> auditEnv = new LinkedHashMap<>();
        auditEnv.put("AWS_REGION", stack.getRegion());
        auditEnv.put(names.auditQueue().env(), names.auditQueue().name());
        auditEnv.put(names.auditQueue().dlqEnv(), names.auditQueue().dlq());
        auditEnv.put(names.auditTable().env(), tables.audit.getTableName());
        FargateTaskDefinition auditTask = parts.taskDefinition("AuditWorker", "audit-worker",
                parts.image("AuditWorkerRepo", "audit-worker", config.auditWorkerImage()),
                CqrsStack.AUDIT_PORT, auditEnv, Map.of());
        // ChangeMessageVisibility: Spring Cloud AWS extends the visibility of the messages still waiting in a FIFO
        // group batch while the first ones are processed; without it the second message of a batch fails.
        auditTask.addToTaskRolePolicy(allow(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueUrl",
                "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"), messaging.auditQueue.getQueueArn()));
        // The worker resolves the DLQ by name (GetQueueUrl) and moves poison messages there (SendMessage).
        auditTask.addToTaskRolePolicy(allow(List.of("sqs:GetQueueUrl", "sqs:SendMessage"),
                messaging.auditDlq.getQueueArn()));
        auditTask.addToTaskRolePolicy(allow(List.of("dynamodb:PutItem"), tables.audit.getTableArn()));

        commandService = parts.service("CommandService", cluster, commandTask, network.commandService,
                network.serviceSubnets, bootstrap.resource);
        queryService = parts.service("QueryService", cluster, queryTask, network.queryService,
                network.serviceSubnets, bootstrap.resource);
        parts.service("AuditWorker", cluster, auditTask, network.auditWorker, network.serviceSubnets, null);
    }
}
