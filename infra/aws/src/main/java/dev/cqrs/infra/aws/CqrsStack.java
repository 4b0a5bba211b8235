package dev.cqrs.infra.aws;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
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
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsBaseOptions;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.DatabaseInstanceReadReplica;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.rds.MySqlInstanceEngineProps;
import software.amazon.awscdk.services.rds.MysqlEngineVersion;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.route53.CfnHealthCheck;
import software.amazon.awscdk.services.route53.CnameRecord;
import software.amazon.awscdk.services.route53.HealthCheck;
import software.amazon.awscdk.services.route53.PrivateHostedZone;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.customresources.Provider;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system in one stack: network, MySQL primary + two replicas behind a weighted Route 53 name, SNS/SQS FIFO
 * messaging, DynamoDB tables, the projector Lambda, three Fargate services behind an ALB, alarms.
 * <p>
 * Every name that services see comes from {@link ResourceNames} (infra/resources.json); every environment variable
 * follows docs/conventions.md. In AWS the endpoint and DNS-override variables stay unset.
 */
public class CqrsStack extends Stack {

    public static final String COMMAND_DB = "command_db";
    public static final String READ_DB = "read_db";
    public static final String COMMAND_DB_USER = "command_svc";
    public static final String PROJECTOR_DB_USER = "projector";
    public static final String QUERY_DB_USER = "query_svc";
    public static final int MYSQL_PORT = 3306;
    public static final int COMMAND_PORT = 8080;
    public static final int QUERY_PORT = 8081;
    public static final int AUDIT_PORT = 8082;
    public static final String PROJECTOR_HANDLER = "dev.cqrs.projector.ProjectorHandler::handleRequest";
    public static final String OUTBOX_NAMESPACE = "Cqrs/Outbox";
    public static final String OUTBOX_METRIC = "OldestUnpublishedAgeSeconds";
    public static final String REPLICA_RECORD = "replicas";
    public static final int REPLICA_TTL_SECONDS = 5;
    public static final int REPLICA_WEIGHT = 50;

    private final ResourceNames names;
    private final CqrsConfig config;

    public CqrsStack(Construct scope, String id, StackProps props, ResourceNames names, CqrsConfig config) {
        super(scope, id, props);
        this.names = names;
        this.config = config;

        // ---------------------------------------------------------------- network
        // One NAT gateway (~33 USD/month) instead of interface endpoints for ECR api+dkr, logs, secretsmanager, sns,
        // sqs and monitoring (7 x 2 AZ x ~7.3 USD = ~102 USD/month). S3 (ECR layers) and DynamoDB use free gateway
        // endpoints, so the bulk of the traffic never touches the NAT. See README.md.
        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(2)
                .natGateways(1)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("services").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(22).build(),
                        SubnetConfiguration.builder().name("data").subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24).build()))
                .gatewayEndpoints(Map.of(
                        "S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build(),
                        "DynamoDb", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.DYNAMODB)
                                .build()))
                .build();
        SubnetSelection serviceSubnets = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
        SubnetSelection dataSubnets = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();

        SecurityGroup dbSg = securityGroup(vpc, "DatabaseSg", "MySQL primary and replicas");
        SecurityGroup commandSg = securityGroup(vpc, "CommandServiceSg", "command-service tasks");
        SecurityGroup querySg = securityGroup(vpc, "QueryServiceSg", "query-service tasks");
        SecurityGroup auditSg = securityGroup(vpc, "AuditWorkerSg", "audit-worker tasks");
        SecurityGroup projectorSg = securityGroup(vpc, "ProjectorSg", "projector Lambda");
        SecurityGroup bootstrapSg = securityGroup(vpc, "DbBootstrapSg", "one-shot database bootstrap task");
        dbSg.addIngressRule(commandSg, Port.tcp(MYSQL_PORT), "command-service -> primary");
        dbSg.addIngressRule(projectorSg, Port.tcp(MYSQL_PORT), "projector -> primary");
        dbSg.addIngressRule(querySg, Port.tcp(MYSQL_PORT), "query-service -> replicas");
        dbSg.addIngressRule(bootstrapSg, Port.tcp(MYSQL_PORT), "bootstrap -> primary");

        // ---------------------------------------------------------------- MySQL
        InstanceType dbInstanceType = InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MICRO);
        DatabaseInstance primary = DatabaseInstance.Builder.create(this, "Primary")
                .engine(DatabaseInstanceEngine.mysql(MySqlInstanceEngineProps.builder()
                        .version(MysqlEngineVersion.VER_8_4_7).build()))
                .instanceType(dbInstanceType)
                .vpc(vpc)
                .vpcSubnets(dataSubnets)
                .securityGroups(List.of(dbSg))
                // RDS master credentials: a generated Secrets Manager secret, attached to the instance.
                .credentials(Credentials.fromGeneratedSecret("dbadmin", CredentialsBaseOptions.builder()
                        .secretName(names.prefix() + "/db/admin").build()))
                .allocatedStorage(20)
                .maxAllocatedStorage(100)
                .storageType(StorageType.GP3)
                .storageEncrypted(true)
                .backupRetention(Duration.days(7))
                .deleteAutomatedBackups(false)
                .multiAz(false)
                .autoMinorVersionUpgrade(true)
                .deletionProtection(false)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .build();

        List<DatabaseInstanceReadReplica> replicas = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            replicas.add(DatabaseInstanceReadReplica.Builder.create(this, "Replica" + i)
                    .sourceDatabaseInstance(primary)
                    .instanceType(dbInstanceType)
                    .vpc(vpc)
                    .vpcSubnets(dataSubnets)
                    .securityGroups(List.of(dbSg))
                    .storageType(StorageType.GP3)
                    .autoMinorVersionUpgrade(true)
                    .deletionProtection(false)
                    // A replica holds nothing the primary's snapshot does not.
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build());
        }

        // One generated secret per database user (docs/conventions.md: users are created by the stack, not services).
        DatabaseSecret commandDbSecret = dbUserSecret("CommandDbSecret", COMMAND_DB_USER);
        DatabaseSecret projectorDbSecret = dbUserSecret("ProjectorDbSecret", PROJECTOR_DB_USER);
        DatabaseSecret queryDbSecret = dbUserSecret("QueryDbSecret", QUERY_DB_USER);

        // ---------------------------------------------------------------- weighted replica name
        PrivateHostedZone zone = PrivateHostedZone.Builder.create(this, "DbZone")
                .zoneName(config.dbZoneName())
                .vpc(vpc)
                .comment("Weighted name over the MySQL read replicas (query-service reads through it)")
                .build();
        Topic alarmTopic = Topic.Builder.create(this, "AlarmTopic")
                .topicName(names.prefix() + "-alarms")
                .enforceSsl(true)
                .build();
        config.alarmEmail().ifPresent(email -> alarmTopic.addSubscription(new EmailSubscription(email)));
        SnsAction alarmAction = new SnsAction(alarmTopic);
        for (int i = 0; i < replicas.size(); i++) {
            DatabaseInstanceReadReplica replica = replicas.get(i);
            String n = String.valueOf(i + 1);
            CfnHealthCheck health = replicaHealthCheck(n, replica, alarmAction);
            CnameRecord.Builder.create(this, "ReplicaRecord" + n)
                    .zone(zone)
                    .recordName(REPLICA_RECORD)
                    .domainName(replica.getDbInstanceEndpointAddress())
                    .ttl(Duration.seconds(REPLICA_TTL_SECONDS))
                    .weight(REPLICA_WEIGHT)
                    .setIdentifier("replica-" + n)
                    .healthCheck(HealthCheck.fromHealthCheckId(this, "ReplicaHealth" + n + "Ref",
                            health.getAttrHealthCheckId()))
                    .comment("read replica " + n)
                    .build();
        }
        String replicaHost = REPLICA_RECORD + "." + config.dbZoneName();

        // ---------------------------------------------------------------- messaging
        Topic events = Topic.Builder.create(this, "DomainEvents")
                .topicName(names.domainEvents().name())
                .fifo(true)
                // Publishers set MessageDeduplicationId = event id (docs/conventions.md).
                .contentBasedDeduplication(false)
                .enforceSsl(true)
                .build();
        Queue projectorDlq = deadLetterQueue("ProjectorDlq", names.projectorQueue());
        // Visibility = 6 x the Lambda timeout, as AWS recommends for SQS event sources.
        Queue projectorQueue = queue("ProjectorQueue", names.projectorQueue(), projectorDlq, Duration.seconds(360));
        Queue auditDlq = deadLetterQueue("AuditDlq", names.auditQueue());
        Queue auditQueue = queue("AuditQueue", names.auditQueue(), auditDlq, Duration.seconds(60));
        events.addSubscription(SqsSubscription.Builder.create(projectorQueue).rawMessageDelivery(true).build());
        events.addSubscription(SqsSubscription.Builder.create(auditQueue).rawMessageDelivery(true).build());

        // ---------------------------------------------------------------- DynamoDB
        Table employees = table("EmployeesTable", names.employeesTable());
        Table audit = table("AuditTable", names.auditTable());

        // ---------------------------------------------------------------- projector Lambda
        LogGroup projectorLogs = logGroup("ProjectorLogs", "/aws/lambda/" + names.prefix() + "-projector");
        Map<String, String> projectorEnv = new LinkedHashMap<>();
        projectorEnv.put("PROJECTOR_DB_URL", jdbcUrl(primary.getDbInstanceEndpointAddress(), READ_DB));
        projectorEnv.put("PROJECTOR_DB_USER", PROJECTOR_DB_USER);
        // A CloudFormation dynamic reference ({{resolve:secretsmanager:...}}): the template holds only the secret's
        // ARN; CloudFormation resolves the value at deploy time. Lambda has no ECS-style secret injection.
        projectorEnv.put("PROJECTOR_DB_PASSWORD", projectorDbSecret.secretValueFromJson("password").unsafeUnwrap());
        projectorEnv.put(names.employeesTable().env(), employees.getTableName());
        projectorEnv.put(names.projectorQueue().env(), names.projectorQueue().name());
        projectorEnv.put(names.projectorQueue().dlqEnv(), names.projectorQueue().dlq());
        Function projector = Function.Builder.create(this, "Projector")
                .functionName(names.prefix() + "-projector")
                .description("Projects domain events into read_db and the employees table")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.X86_64)
                .handler(PROJECTOR_HANDLER)
                .code(Code.fromAsset(config.projectorCode().toString()))
                .memorySize(1024)
                .timeout(Duration.seconds(60))
                .vpc(vpc)
                .vpcSubnets(serviceSubnets)
                .securityGroups(List.of(projectorSg))
                .environment(projectorEnv)
                .logGroup(projectorLogs)
                .build();
        Policy projectorPolicy = Policy.Builder.create(this, "ProjectorAccess")
                .statements(List.of(
                        allow(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                                projectorQueue.getQueueArn()),
                        // The handler resolves its DLQ by name and moves poison messages there itself.
                        allow(List.of("sqs:GetQueueUrl", "sqs:SendMessage"), projectorDlq.getQueueArn()),
                        // One employee event = a consistent GetItem, then one conditional PutItem of the whole item.
                        allow(List.of("dynamodb:GetItem", "dynamodb:PutItem"), employees.getTableArn())))
                .build();
        projector.getRole().attachInlinePolicy(projectorPolicy);
        EventSourceMapping mapping = EventSourceMapping.Builder.create(this, "ProjectorQueueMapping")
                .target(projector)
                .eventSourceArn(projectorQueue.getQueueArn())
                .batchSize(10)
                .reportBatchItemFailures(true)
                .enabled(true)
                .build();
        // The mapping's creation checks the role can read the queue.
        mapping.getNode().addDependency(projectorPolicy);

        // ---------------------------------------------------------------- ECS
        Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(vpc).build();

        FargateTaskDefinition bootstrapTask = dbBootstrapTask(primary, commandDbSecret, projectorDbSecret,
                queryDbSecret);
        CustomResource bootstrap = runOnce(cluster, bootstrapTask, bootstrapSg,
                vpc.selectSubnets(serviceSubnets).getSubnets());

        Map<String, String> commandEnv = new LinkedHashMap<>();
        commandEnv.put("AWS_REGION", getRegion());
        commandEnv.put("COMMAND_DB_URL", jdbcUrl(primary.getDbInstanceEndpointAddress(), COMMAND_DB));
        commandEnv.put(names.domainEvents().env(), events.getTopicArn());
        FargateTaskDefinition commandTask = taskDefinition("CommandService", "command-service",
                image("CommandServiceRepo", "command-service", config.commandServiceImage()), COMMAND_PORT,
                commandEnv, dbSecrets("COMMAND_DB", commandDbSecret));
        commandTask.addToTaskRolePolicy(allow(List.of("sns:Publish"), events.getTopicArn()));
        // PutMetricData has no resource-level permissions: "*" is required, narrowed by the namespace condition.
        commandTask.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", OUTBOX_NAMESPACE)))
                .build());

        Map<String, String> queryEnv = new LinkedHashMap<>();
        queryEnv.put("AWS_REGION", getRegion());
        queryEnv.put("QUERY_DB_URL", "jdbc:mysql://" + replicaHost + ":" + MYSQL_PORT + "/" + READ_DB);
        queryEnv.put(names.employeesTable().env(), employees.getTableName());
        queryEnv.put(names.auditTable().env(), audit.getTableName());
        FargateTaskDefinition queryTask = taskDefinition("QueryService", "query-service",
                image("QueryServiceRepo", "query-service", config.queryServiceImage()), QUERY_PORT,
                queryEnv, dbSecrets("QUERY_DB", queryDbSecret));
        queryTask.addToTaskRolePolicy(allow(List.of("dynamodb:GetItem", "dynamodb:Query"),
                employees.getTableArn(), audit.getTableArn()));
        // A Query on a GSI is authorized against the index's ARN, not the table's (e.g. the audit time range).
        List<String> queryableIndexes = new ArrayList<>(indexArns(employees, names.employeesTable()));
        queryableIndexes.addAll(indexArns(audit, names.auditTable()));
        if (!queryableIndexes.isEmpty()) {
            queryTask.addToTaskRolePolicy(allow(List.of("dynamodb:Query"), queryableIndexes.toArray(String[]::new)));
        }

        Map<String, String> auditEnv = new LinkedHashMap<>();
        auditEnv.put("AWS_REGION", getRegion());
        auditEnv.put(names.auditQueue().env(), names.auditQueue().name());
        auditEnv.put(names.auditQueue().dlqEnv(), names.auditQueue().dlq());
        auditEnv.put(names.auditTable().env(), audit.getTableName());
        FargateTaskDefinition auditTask = taskDefinition("AuditWorker", "audit-worker",
                image("AuditWorkerRepo", "audit-worker", config.auditWorkerImage()), AUDIT_PORT,
                auditEnv, Map.of());
        // ChangeMessageVisibility: Spring Cloud AWS extends the visibility of the messages still waiting in a FIFO
        // group batch while the first ones are processed; without it the second message of a batch fails.
        auditTask.addToTaskRolePolicy(allow(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueUrl",
                "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"), auditQueue.getQueueArn()));
        // The worker resolves the DLQ by name (GetQueueUrl) and moves poison messages there (SendMessage).
        auditTask.addToTaskRolePolicy(allow(List.of("sqs:GetQueueUrl", "sqs:SendMessage"), auditDlq.getQueueArn()));
        auditTask.addToTaskRolePolicy(allow(List.of("dynamodb:PutItem"), audit.getTableArn()));

        FargateService commandService = service("CommandService", cluster, commandTask, commandSg, serviceSubnets,
                bootstrap);
        FargateService queryService = service("QueryService", cluster, queryTask, querySg, serviceSubnets,
                bootstrap);
        service("AuditWorker", cluster, auditTask, auditSg, serviceSubnets, null);

        // ---------------------------------------------------------------- load balancer (port-based, like local)
        ApplicationLoadBalancer alb = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .vpc(vpc)
                .internetFacing(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .dropInvalidHeaderFields(true)
                .build();
        listener(alb, "CommandListener", COMMAND_PORT, commandService);
        listener(alb, "QueryListener", QUERY_PORT, queryService);

        // ---------------------------------------------------------------- alarms
        dlqAlarm("ProjectorDlqAlarm", projectorDlq, alarmAction);
        dlqAlarm("AuditDlqAlarm", auditDlq, alarmAction);
        Alarm.Builder.create(this, "OutboxAgeAlarm")
                .alarmDescription("Outbox rows are not reaching SNS (command-service relay stuck or failing)")
                .metric(Metric.Builder.create()
                        .namespace(OUTBOX_NAMESPACE)
                        .metricName(OUTBOX_METRIC)
                        .statistic("Maximum")
                        .period(Duration.minutes(1))
                        .build())
                .threshold(config.outboxAgeAlarmSeconds())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(3)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.MISSING)
                .build()
                .addAlarmAction(alarmAction);
        Alarm.Builder.create(this, "ProjectorErrorsAlarm")
                .alarmDescription("The projector Lambda reported errors")
                .metric(projector.metricErrors().with(
                        software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                                .period(Duration.minutes(5)).statistic("Sum").build()))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(alarmAction);

        // ---------------------------------------------------------------- outputs
        CfnOutput.Builder.create(this, "CommandApiUrl")
                .value("http://" + alb.getLoadBalancerDnsName() + ":" + COMMAND_PORT).build();
        CfnOutput.Builder.create(this, "QueryApiUrl")
                .value("http://" + alb.getLoadBalancerDnsName() + ":" + QUERY_PORT).build();
        CfnOutput.Builder.create(this, "EventsTopicArn").value(events.getTopicArn()).build();
        CfnOutput.Builder.create(this, "ReplicaHostname").value(replicaHost).build();
        CfnOutput.Builder.create(this, "PrimaryEndpoint").value(primary.getDbInstanceEndpointAddress()).build();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(alarmTopic.getTopicArn()).build();
    }

    // ==================================================================== helpers

    private SecurityGroup securityGroup(Vpc vpc, String id, String description) {
        return SecurityGroup.Builder.create(this, id).vpc(vpc).description(description).allowAllOutbound(true)
                .build();
    }

    private DatabaseSecret dbUserSecret(String id, String username) {
        return DatabaseSecret.Builder.create(this, id)
                .username(username)
                .secretName(names.prefix() + "/db/" + username)
                .build();
    }

    /**
     * Route 53 cannot probe private IPs, so replica health comes from CloudWatch alarms on the replica's own metrics:
     * unhealthy when ReplicaLag is high or missing (instance down), or negative (-1 = replication stopped).
     * Two metric health checks are combined by a calculated one (both must be healthy).
     */
    private CfnHealthCheck replicaHealthCheck(String n, DatabaseInstanceReadReplica replica, SnsAction action) {
        Metric lag = Metric.Builder.create()
                .namespace("AWS/RDS")
                .metricName("ReplicaLag")
                .dimensionsMap(Map.of("DBInstanceIdentifier", replica.getInstanceIdentifier()))
                .period(Duration.minutes(1))
                .statistic("Maximum")
                .build();
        Alarm lagging = Alarm.Builder.create(this, "Replica" + n + "LagAlarm")
                .alarmDescription("Replica " + n + " lags (> 30 s) or reports no metrics")
                .metric(lag)
                .threshold(30)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(2)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        lagging.addAlarmAction(action);
        Alarm stopped = Alarm.Builder.create(this, "Replica" + n + "StoppedAlarm")
                .alarmDescription("Replica " + n + " replication stopped (ReplicaLag = -1)")
                .metric(lag.with(software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                        .statistic("Minimum").build()))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(2)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        stopped.addAlarmAction(action);
        CfnHealthCheck lagCheck = alarmHealthCheck("Replica" + n + "LagHealth", lagging, "Unhealthy");
        CfnHealthCheck stoppedCheck = alarmHealthCheck("Replica" + n + "StoppedHealth", stopped, "LastKnownStatus");
        return CfnHealthCheck.Builder.create(this, "Replica" + n + "Health")
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
        return CfnHealthCheck.Builder.create(this, id)
                .healthCheckConfig(CfnHealthCheck.HealthCheckConfigProperty.builder()
                        .type("CLOUDWATCH_METRIC")
                        .alarmIdentifier(CfnHealthCheck.AlarmIdentifierProperty.builder()
                                .name(alarm.getAlarmName())
                                .region(getRegion())
                                .build())
                        .insufficientDataHealthStatus(insufficientData)
                        .build())
                .build();
    }

    private Queue deadLetterQueue(String id, ResourceNames.Queue q) {
        return Queue.Builder.create(this, id)
                .queueName(q.dlq())
                .fifo(true)
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
    }

    private Queue queue(String id, ResourceNames.Queue q, Queue dlq, Duration visibility) {
        return Queue.Builder.create(this, id)
                .queueName(q.name())
                .fifo(true)
                .visibilityTimeout(visibility)
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(q.maxReceiveCount()).build())
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
    }

    private Table table(String id, ResourceNames.Table t) {
        Table table = Table.Builder.create(this, id)
                .tableName(t.name())
                .partitionKey(Attribute.builder().name(t.partitionKey()).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(t.sortKey()).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (ResourceNames.Index index : t.indexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(Attribute.builder().name(index.partitionKey()).type(AttributeType.STRING).build())
                    .sortKey(Attribute.builder().name(index.sortKey()).type(AttributeType.STRING).build())
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return table;
    }

    /** The ARN of each of the table's global secondary indexes ({@code <table arn>/index/<name>}). */
    private static List<String> indexArns(Table table, ResourceNames.Table t) {
        return t.indexes().stream().map(index -> table.getTableArn() + "/index/" + index.name()).toList();
    }

    private LogGroup logGroup(String id, String name) {
        return LogGroup.Builder.create(this, id)
                .logGroupName(name)
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    private static String jdbcUrl(String host, String database) {
        return "jdbc:mysql://" + host + ":" + MYSQL_PORT + "/" + database;
    }

    private static PolicyStatement allow(List<String> actions, String... resources) {
        return PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(List.of(resources))
                .build();
    }

    private ContainerImage image(String id, String service, java.util.Optional<String> override) {
        if (override.isPresent()) {
            return ContainerImage.fromRegistry(override.get());
        }
        IRepository repo = Repository.fromRepositoryName(this, id, ImagesStack.repositoryName(names, service));
        return ContainerImage.fromEcrRepository(repo, config.imageTag());
    }

    private static Map<String, Secret> dbSecrets(String envPrefix, DatabaseSecret secret) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put(envPrefix + "_USER", Secret.fromSecretsManager(secret, "username"));
        secrets.put(envPrefix + "_PASSWORD", Secret.fromSecretsManager(secret, "password"));
        return secrets;
    }

    private FargateTaskDefinition taskDefinition(String id, String name, ContainerImage image, int port,
                                                 Map<String, String> env, Map<String, Secret> secrets) {
        Map<String, String> environment = new LinkedHashMap<>(env);
        // The services bind to loopback unless told otherwise; the load balancer reaches the task's ENI.
        environment.put("SERVER_ADDRESS", "0.0.0.0");
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, id + "Task")
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
                        .logGroup(logGroup(id + "Logs", "/ecs/" + names.prefix() + "/" + name))
                        .streamPrefix(name)
                        .build()))
                .healthCheck(software.amazon.awscdk.services.ecs.HealthCheck.builder()
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

    private FargateService service(String id, Cluster cluster, FargateTaskDefinition task, SecurityGroup sg,
                                   SubnetSelection subnets, Construct dependsOn) {
        FargateService service = FargateService.Builder.create(this, id)
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

    private void listener(ApplicationLoadBalancer alb, String id, int port, FargateService service) {
        ApplicationListener listener = alb.addListener(id, BaseApplicationListenerProps.builder()
                .port(port)
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .build());
        listener.getConnections().allowDefaultPortFrom(Peer.ipv4(config.allowedIngressCidr()),
                "API clients");
        listener.addTargets(id + "Targets", AddApplicationTargetsProps.builder()
                .port(port)
                .protocol(ApplicationProtocol.HTTP)
                .targets(List.of(service))
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                        .path("/actuator/health")
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build());
    }

    private void dlqAlarm(String id, Queue dlq, SnsAction action) {
        Alarm.Builder.create(this, id)
                .alarmDescription("Messages in " + dlq.getQueueName() + ": poison events need attention")
                .metric(dlq.metricApproximateNumberOfMessagesVisible(
                        software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                                .period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(action);
    }

    /**
     * A one-shot task (stock MySQL client image) that creates the two databases and the three users with the
     * passwords from their secrets, idempotently. The SQL is in the template; every credential arrives as an ECS
     * secret, so none is in code or the template.
     */
    private FargateTaskDefinition dbBootstrapTask(DatabaseInstance primary, DatabaseSecret command,
                                                  DatabaseSecret projector, DatabaseSecret query) {
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "DbBootstrapTask")
                .family(names.prefix() + "-db-bootstrap")
                .cpu(256)
                .memoryLimitMiB(512)
                .build();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put("MASTER_USER", Secret.fromSecretsManager(primary.getSecret(), "username"));
        secrets.put("MYSQL_PWD", Secret.fromSecretsManager(primary.getSecret(), "password"));
        secrets.put("COMMAND_PW", Secret.fromSecretsManager(command, "password"));
        secrets.put("PROJECTOR_PW", Secret.fromSecretsManager(projector, "password"));
        secrets.put("QUERY_PW", Secret.fromSecretsManager(query, "password"));
        String sql = String.join("\n",
                "CREATE DATABASE IF NOT EXISTS " + COMMAND_DB + ";",
                "CREATE DATABASE IF NOT EXISTS " + READ_DB + ";",
                user(COMMAND_DB_USER, "COMMAND_PW"),
                "GRANT ALL PRIVILEGES ON " + COMMAND_DB + ".* TO '" + COMMAND_DB_USER + "'@'%';",
                user(PROJECTOR_DB_USER, "PROJECTOR_PW"),
                "GRANT ALL PRIVILEGES ON " + READ_DB + ".* TO '" + PROJECTOR_DB_USER + "'@'%';",
                user(QUERY_DB_USER, "QUERY_PW"),
                "GRANT SELECT ON " + READ_DB + ".* TO '" + QUERY_DB_USER + "'@'%';");
        String script = String.join("\n",
                "set -eu",
                "for i in $(seq 1 30); do mysqladmin --host=\"$DB_HOST\" --user=\"$MASTER_USER\" ping && break; sleep 10; done",
                "mysql --host=\"$DB_HOST\" --user=\"$MASTER_USER\" <<SQL",
                sql,
                "SQL",
                "echo database bootstrap done");
        task.addContainer("mysql-client", ContainerDefinitionOptions.builder()
                .containerName("db-bootstrap")
                .image(ContainerImage.fromRegistry("public.ecr.aws/docker/library/mysql:8.4"))
                .essential(true)
                .entryPoint(List.of("sh", "-c"))
                .command(List.of(script))
                .environment(Map.of("DB_HOST", primary.getDbInstanceEndpointAddress()))
                .secrets(secrets)
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(logGroup("DbBootstrapLogs", "/ecs/" + names.prefix() + "/db-bootstrap"))
                        .streamPrefix("db-bootstrap")
                        .build()))
                .build());
        return task;
    }

    private static String user(String name, String passwordVar) {
        // Passwords come from DatabaseSecret, whose generator excludes quotes, backslashes and '$'.
        return "CREATE USER IF NOT EXISTS '" + name + "'@'%' IDENTIFIED BY '$" + passwordVar + "';\n"
                + "ALTER USER '" + name + "'@'%' IDENTIFIED BY '$" + passwordVar + "';";
    }

    /**
     * Runs the bootstrap task on create/update and waits until it has stopped with exit code 0, so that the
     * services (which depend on this resource) start with their users in place.
     */
    private CustomResource runOnce(Cluster cluster, FargateTaskDefinition task, SecurityGroup sg,
                                   List<ISubnet> subnets) {
        Function handler = Function.Builder.create(this, "DbBootstrapRunner")
                .description("Runs the one-shot database bootstrap task and waits for it")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .timeout(Duration.minutes(14))
                .memorySize(256)
                .logGroup(logGroup("DbBootstrapRunnerLogs", "/aws/lambda/" + names.prefix() + "-db-bootstrap-runner"))
                .code(Code.fromInline(BOOTSTRAP_RUNNER_JS))
                .build();
        handler.addToRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("ecs:RunTask"))
                .resources(List.of(task.getTaskDefinitionArn()))
                .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", cluster.getClusterArn())))
                .build());
        handler.addToRolePolicy(allow(List.of("ecs:DescribeTasks"),
                "arn:" + getPartition() + ":ecs:" + getRegion() + ":" + getAccount() + ":task/"
                        + cluster.getClusterName() + "/*"));
        handler.addToRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("iam:PassRole"))
                .resources(List.of(task.getTaskRole().getRoleArn(), task.obtainExecutionRole().getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                .build());
        Provider provider = Provider.Builder.create(this, "DbBootstrapProvider")
                .onEventHandler(handler)
                .build();
        List<String> subnetIds = subnets.stream().map(ISubnet::getSubnetId).toList();
        return CustomResource.Builder.create(this, "DbBootstrap")
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::DbBootstrap")
                .properties(Map.of(
                        "Cluster", cluster.getClusterArn(),
                        "TaskDefinition", task.getTaskDefinitionArn(),
                        "ContainerName", "db-bootstrap",
                        "Subnets", subnetIds,
                        "SecurityGroups", List.of(sg.getSecurityGroupId())))
                .build();
    }

    static final String BOOTSTRAP_RUNNER_JS = """
            const { ECSClient, RunTaskCommand, DescribeTasksCommand } = require('@aws-sdk/client-ecs');
            const ecs = new ECSClient({});
            exports.handler = async (event) => {
              if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
              const p = event.ResourceProperties;
              const run = await ecs.send(new RunTaskCommand({
                cluster: p.Cluster, taskDefinition: p.TaskDefinition, launchType: 'FARGATE', count: 1,
                networkConfiguration: { awsvpcConfiguration: {
                  subnets: p.Subnets, securityGroups: p.SecurityGroups, assignPublicIp: 'DISABLED' } } }));
              if (!run.tasks || run.tasks.length !== 1) throw new Error('RunTask failed: ' + JSON.stringify(run.failures));
              const taskArn = run.tasks[0].taskArn;
              for (;;) {
                await new Promise((r) => setTimeout(r, 10000));
                const d = await ecs.send(new DescribeTasksCommand({ cluster: p.Cluster, tasks: [taskArn] }));
                const t = d.tasks && d.tasks[0];
                if (t && t.lastStatus === 'STOPPED') {
                  const c = (t.containers || []).find((x) => x.name === p.ContainerName);
                  if (c && c.exitCode === 0) return { PhysicalResourceId: 'db-bootstrap' };
                  throw new Error('bootstrap task failed: ' + (t.stoppedReason || '') + ' exit ' + (c && c.exitCode));
                }
              }
            };
            """;
}
