package dev.cqrs.infra.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How every service of {@link Services} runs on Fargate: 0.5 vCPU / 1 GB x86-64 tasks, logs to their own group,
 * container health check {@code curl /actuator/health}, one task per service with a rolling deployment and the
 * circuit breaker (rollback), private subnets only. Images come from the ECR repositories of {@link ImagesStack}
 * unless a full image URI is given.
 */
final class FargateParts {

    private final Stack stack;
    private final ResourceNames names;
    private final CqrsConfig config;

    FargateParts(Stack stack, ResourceNames names, CqrsConfig config) {
        this.stack = stack;
        this.names = names;
        this.config = config;
    }

    ContainerImage image(String id, String service, Optional<String> override) {
        if (override.isPresent()) {
            return ContainerImage.fromRegistry(override.get());
        }
        IRepository repo = Repository.fromRepositoryName(stack, id, ImagesStack.repositoryName(names, service));
        return ContainerImage.fromEcrRepository(repo, config.imageTag());
    }

    /** {@code <PREFIX>_USER} and {@code <PREFIX>_PASSWORD} as ECS secrets (valueFrom = secret ARN + JSON key). */
    static Map<String, Secret> dbSecrets(String envPrefix, DatabaseSecret secret) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put(envPrefix + "_USER", Secret.fromSecretsManager(secret, "username"));
        secrets.put(envPrefix + "_PASSWORD", Secret.fromSecretsManager(secret, "password"));
        return secrets;
    }

    /**
     * The runtime login as {@code <PREFIX>_USER}/{@code _PASSWORD} and the migration login (Flyway's, DDL) as
     * {@code <PREFIX>_MIGRATION_USER}/{@code _PASSWORD}, all ECS secrets.
     */
    static Map<String, Secret> dbSecrets(String envPrefix, DatabaseSecret runtime, DatabaseSecret migration) {
        Map<String, Secret> secrets = dbSecrets(envPrefix, runtime);
        secrets.putAll(dbSecrets(envPrefix + "_MIGRATION", migration));
        return secrets;
    }

    FargateTaskDefinition taskDefinition(String id, String name, ContainerImage image, int port,
                                         Map<String, String> env, Map<String, Secret> secrets) {
        Map<String, String> environment = new LinkedHashMap<>(env);
        // The services bind to loopback unless told otherwise; the load balancer reaches the task's ENI.
        environment.put("SERVER_ADDRESS", "0.0.0.0");
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, id + "Task")
                .family(names.prefix() + "-" + name)
                .cpu(512)
                .memoryLimitMiB(1024)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
        task.addContainer("app", ContainerDefinitionOptions.builder()
                .containerName(name)
                .image(image)
                .essential(true)
                .environment(environment)
                .secrets(secrets)
                .portMappings(List.of(PortMapping.builder().containerPort(port).build()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(Parts.logGroup(stack, id + "Logs", "/ecs/" + names.prefix() + "/" + name))
                        .streamPrefix(name)
                        .build()))
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "curl -fsS http://localhost:" + port
                                + "/actuator/health || exit 1"))
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .retries(3)
                        .startPeriod(Duration.seconds(90))
                        .build())
                .build());
        return task;
    }

    FargateService service(String id, Cluster cluster, FargateTaskDefinition task, SecurityGroup sg,
                           SubnetSelection subnets, Construct dependsOn) {
        FargateService service = FargateService.Builder.create(stack, id)
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(1)
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .securityGroups(List.of(sg))
                .vpcSubnets(subnets)
                .assignPublicIp(false)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .build();
        if (dependsOn != null) {
            service.getNode().addDependency(dependsOn);
        }
        return service;
    }
}
