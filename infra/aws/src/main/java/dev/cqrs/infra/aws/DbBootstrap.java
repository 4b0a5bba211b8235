package dev.cqrs.infra.aws;

import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the databases and the five users with their grants (a migration user and a rows-only runtime user per
 * database, and the read-only query user) ({@code infra/sql/users-and-grants.sql}, shared with
 * the local stack and docker-compose) before the services start: a one-shot Fargate task with the stock MySQL
 * client ({@code db-bootstrap/bootstrap.sh}), run on create and update by a custom resource whose handler
 * ({@code db-bootstrap/runner.js}) waits for exit code 0. Every credential reaches the task as an ECS secret, so none
 * is in code or the template. The services depend on {@link #resource}.
 */
final class DbBootstrap {

    static final String CONTAINER = "db-bootstrap";

    final CustomResource resource;

    DbBootstrap(Stack stack, ResourceNames names, Cluster cluster, Network network, Database database) {
        FargateTaskDefinition task = task(stack, names, database);
        Function runner = Function.Builder.create(stack, "DbBootstrapRunner")
                .description("Runs the one-shot database bootstrap task and waits for it")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .timeout(Duration.minutes(14))
                .memorySize(256)
                .logGroup(Parts.logGroup(stack, "DbBootstrapRunnerLogs",
                        "/aws/lambda/" + names.prefix() + "-db-bootstrap-runner"))
                .code(Code.fromInline(Parts.resource("db-bootstrap/runner.js", "//")))
                .build();
        runner.addToRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("ecs:RunTask"))
                .resources(List.of(task.getTaskDefinitionArn()))
                .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", cluster.getClusterArn())))
                .build());
        runner.addToRolePolicy(Parts.allow(List.of("ecs:DescribeTasks"),
                "arn:" + stack.getPartition() + ":ecs:" + stack.getRegion() + ":" + stack.getAccount() + ":task/"
                        + cluster.getClusterName() + "/*"));
        runner.addToRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("iam:PassRole"))
                .resources(List.of(task.getTaskRole().getRoleArn(), task.obtainExecutionRole().getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                .build());
        Provider provider = Provider.Builder.create(stack, "DbBootstrapProvider")
                .onEventHandler(runner)
                .build();
        List<String> subnetIds = network.vpc.selectSubnets(network.serviceSubnets).getSubnets().stream()
                .map(ISubnet::getSubnetId).toList();
        resource = CustomResource.Builder.create(stack, "DbBootstrap")
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::DbBootstrap")
                .properties(Map.of(
                        "Cluster", cluster.getClusterArn(),
                        "TaskDefinition", task.getTaskDefinitionArn(),
                        "ContainerName", CONTAINER,
                        "Subnets", subnetIds,
                        "SecurityGroups", List.of(network.dbBootstrap.getSecurityGroupId())))
                .build();
    }

    private static FargateTaskDefinition task(Stack stack, ResourceNames names, Database database) {
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, "DbBootstrapTask")
                .family(names.prefix() + "-db-bootstrap")
                .cpu(256)
                .memoryLimitMiB(512)
                .build();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put("MASTER_USER", Secret.fromSecretsManager(database.primary.getSecret(), "username"));
        secrets.put("MYSQL_PWD", Secret.fromSecretsManager(database.primary.getSecret(), "password"));
        secrets.put("COMMAND_PW", Secret.fromSecretsManager(database.commandUser, "password"));
        secrets.put("COMMAND_MIGRATION_PW", Secret.fromSecretsManager(database.commandMigrationUser, "password"));
        secrets.put("PROJECTOR_PW", Secret.fromSecretsManager(database.projectorUser, "password"));
        secrets.put("PROJECTOR_MIGRATION_PW", Secret.fromSecretsManager(database.projectorMigrationUser, "password"));
        secrets.put("QUERY_PW", Secret.fromSecretsManager(database.queryUser, "password"));
        task.addContainer("mysql-client", ContainerDefinitionOptions.builder()
                .containerName(CONTAINER)
                .image(ContainerImage.fromRegistry("public.ecr.aws/docker/library/mysql:8.4"))
                .essential(true)
                .entryPoint(List.of("sh", "-c"))
                .command(List.of(script()))
                .environment(Map.of("DB_HOST", database.primaryHost()))
                .secrets(secrets)
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(Parts.logGroup(stack, "DbBootstrapLogs", "/ecs/" + names.prefix() + "/db-bootstrap"))
                        .streamPrefix(CONTAINER)
                        .build()))
                .build());
        return task;
    }

    /**
     * bootstrap.sh with the shared SQL in its here-document. The shell expands the password variables (ECS secrets)
     * in it; DatabaseSecret's generator excludes quotes, backslashes and '$', so a password cannot break the SQL.
     */
    static String script() {
        String sql = Parts.resource("sql/users-and-grants.sql", "--")
                .replace("@APP_HOST@", "%")
                .replace("@COMMAND_DB_PASSWORD@", "$COMMAND_PW")
                .replace("@COMMAND_DB_MIGRATION_PASSWORD@", "$COMMAND_MIGRATION_PW")
                .replace("@PROJECTOR_DB_PASSWORD@", "$PROJECTOR_PW")
                .replace("@PROJECTOR_DB_MIGRATION_PASSWORD@", "$PROJECTOR_MIGRATION_PW")
                .replace("@QUERY_DB_PASSWORD@", "$QUERY_PW")
                .stripTrailing();
        return Parts.resource("db-bootstrap/bootstrap.sh", "#").replace("@USERS_AND_GRANTS_SQL@", sql).stripTrailing();
    }
}
