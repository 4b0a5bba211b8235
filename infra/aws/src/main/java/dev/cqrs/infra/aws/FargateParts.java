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
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How every service of {@link Services} runs on Fargate: 0.5 vCPU / 1 GB x86-64 tasks, JSON logs (Spring Boot's ECS
 * structured logging, trace and span ids included) to their own group, container health check
 * {@code curl /actuator/health/liveness} (never the databases: an outage must not restart every task), one task per
 * service with a rolling deployment and the circuit breaker (rollback), private subnets only. Each task runs an AWS
 * Distro for OpenTelemetry collector beside the service: it receives the service's spans in Zipkin's format on
 * 127.0.0.1:9411 (where the service reports them locally too) and sends them to X-Ray, which accepts W3C trace ids. Images come from the ECR repositories of {@link ImagesStack}
 * unless a full image URI is given.
 */
final class FargateParts {

    static final int COLLECTOR_PORT = 9411;
    /** AWS Distro for OpenTelemetry's collector, pinned. */
    static final String COLLECTOR_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3";
    /** Zipkin v2 spans in on loopback, batched, out to X-Ray (every attribute indexed for searching). */
    static final String COLLECTOR_CONFIG = """
            receivers:
              zipkin:
                endpoint: 127.0.0.1:%d
            processors:
              batch: {}
            exporters:
              awsxray:
                index_all_attributes: true
            service:
              pipelines:
                traces:
                  receivers: [zipkin]
                  processors: [batch]
                  exporters: [awsxray]
            """.formatted(COLLECTOR_PORT);

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
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://127.0.0.1:" + COLLECTOR_PORT
                + "/api/v2/spans");
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
                                + CqrsStack.LIVENESS_PATH + " || exit 1"))
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .retries(3)
                        .startPeriod(Duration.seconds(90))
                        .build())
                .build());
        task.addContainer("collector", ContainerDefinitionOptions.builder()
                .containerName("otel-collector")
                .image(ContainerImage.fromRegistry(COLLECTOR_IMAGE))
                .essential(false) // without it the service runs on, its spans are dropped
                .memoryReservationMiB(64)
                .environment(Map.of("AOT_CONFIG_CONTENT", COLLECTOR_CONFIG))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(Parts.logGroup(stack, id + "CollectorLogs",
                                "/ecs/" + names.prefix() + "/" + name + "-collector"))
                        .streamPrefix("otel")
                        .build()))
                .build());
        // X-Ray's write actions have no resource-level permissions.
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"))
                .resources(List.of("*"))
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
