package dev.cqrs.infra.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.cqrs.infra.aws.Parts.allow;

/**
 * The projector: a Java 21 Lambda in the private subnets, fed by its SQS FIFO queue through an event source mapping
 * (batch 10, ReportBatchItemFailures), writing read_db on the primary and the employees table. Least privilege: its
 * queue, its DLQ (it moves poison messages there itself), GetItem/PutItem on the employees table, and reading its two
 * database secrets: the environment holds only their ARNs, the function reads them at init (projector-lambda's
 * ProjectorCredentials), so no password is in its configuration.
 */
final class ProjectorFunction {

    final Function function;

    ProjectorFunction(Stack stack, ResourceNames names, CqrsConfig config, Network network, Database database,
                      Messaging messaging, Tables tables) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PROJECTOR_DB_URL", Parts.jdbcUrl(database.primaryHost(), CqrsStack.READ_DB));
        // Lambda has no ECS-style secret injection, and a resolved dynamic reference would put the password in the
        // function's configuration: only the ARNs; the runtime (rows only) and migration (DDL) logins are read at init.
        env.put("PROJECTOR_DB_SECRET_ARN", database.projectorUser.getSecretArn());
        env.put("PROJECTOR_DB_MIGRATION_SECRET_ARN", database.projectorMigrationUser.getSecretArn());
        env.put(names.employeesTable().env(), tables.employees.getTableName());
        env.put(names.projectorQueue().env(), names.projectorQueue().name());
        env.put(names.projectorQueue().dlqEnv(), names.projectorQueue().dlq());
        function = Function.Builder.create(stack, "Projector")
                .functionName(names.prefix() + "-projector")
                .description("Projects domain events into read_db and the employees table")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.X86_64)
                .handler(CqrsStack.PROJECTOR_HANDLER)
                .code(Code.fromAsset(config.projectorCode().toString()))
                .memorySize(1024)
                .timeout(Duration.seconds(60))
                .vpc(network.vpc)
                .vpcSubnets(network.serviceSubnets)
                .securityGroups(List.of(network.projector))
                .environment(env)
                // X-Ray active tracing: a segment per invocation; the handler's own spans are in its logs' trace ids
                .tracing(Tracing.ACTIVE)
                .logGroup(Parts.logGroup(stack, "ProjectorLogs", "/aws/lambda/" + names.prefix() + "-projector"))
                .build();
        Policy access = Policy.Builder.create(stack, "ProjectorAccess")
                .statements(List.of(
                        allow(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                                messaging.projectorQueue.getQueueArn()),
                        // The handler resolves its DLQ by name and moves poison messages there itself.
                        allow(List.of("sqs:GetQueueUrl", "sqs:SendMessage"), messaging.projectorDlq.getQueueArn()),
                        // One employee event = a consistent GetItem, then one conditional PutItem of the whole item.
                        allow(List.of("dynamodb:GetItem", "dynamodb:PutItem"), tables.employees.getTableArn())))
                .build();
        function.getRole().attachInlinePolicy(access);
        database.projectorUser.grantRead(function);
        database.projectorMigrationUser.grantRead(function);
        EventSourceMapping mapping = EventSourceMapping.Builder.create(stack, "ProjectorQueueMapping")
                .target(function)
                .eventSourceArn(messaging.projectorQueue.getQueueArn())
                .batchSize(10)
                .reportBatchItemFailures(true)
                .enabled(true)
                .build();
        // The mapping's creation checks the role can read the queue.
        mapping.getNode().addDependency(access);
    }
}
