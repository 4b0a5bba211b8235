package dev.cqrs.infra.aws;

import dev.cqrs.contracts.observability.CloudWatchMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Synthesizes the app once, with cdk.json's context (so the strict CloudFormation validation of
 * {@code @aws-cdk/core:validateAgainstDefaultRules} is on: a schema violation fails {@code app.synth()} and therefore
 * this whole class), then asserts resources and their key properties.
 */
class CqrsStackTest {

    @TempDir
    static Path tmp;

    static ResourceNames names;
    static Template template;
    static Map<String, Map<String, Object>> resources;
    static String json;

    @BeforeAll
    static void synthesize() throws Exception {
        names = ResourceNames.load();
        Path code = Synth.placeholderProjectorCode(tmp);
        App app = Synth.app(tmp.resolve("cdk.out"), Map.of("projectorCode", code.toString(), "imageTag", "test"));
        CqrsStack stack = CqrsApp.build(app, names, CqrsConfig.fromContext(app.getNode()));
        app.synth();
        template = Template.fromStack(stack);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> r = (Map<String, Map<String, Object>>) template.toJSON().get("Resources");
        resources = r;
        json = new ObjectMapper().writeValueAsString(template.toJSON());
    }

    // ------------------------------------------------------------------ validation

    @Test
    void strictCloudFormationValidationIsOnForSynthAndTests() {
        assertThat(Synth.cdkJsonContext()).containsEntry("@aws-cdk/core:validateAgainstDefaultRules", true);
    }

    // ------------------------------------------------------------------ messaging

    @Test
    void domainEventsTopicIsFifoWithExplicitDeduplication() {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "TopicName", names.domainEvents().name(),
                "FifoTopic", true,
                "ContentBasedDeduplication", false));
    }

    @Test
    void queuesAreFifoWithRedriveToTheirFifoDlq() {
        for (ResourceNames.Queue q : names.queues()) {
            String dlqId = logicalId("AWS::SQS::Queue", Map.of("QueueName", q.dlq()));
            template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                    "QueueName", q.dlq(),
                    "FifoQueue", true,
                    "MessageRetentionPeriod", 14 * 24 * 3600,
                    "SqsManagedSseEnabled", true));
            template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                    "QueueName", q.name(),
                    "FifoQueue", true,
                    "SqsManagedSseEnabled", true,
                    "RedrivePolicy", Map.of(
                            "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(dlqId, "Arn")),
                            "maxReceiveCount", q.maxReceiveCount())));
        }
    }

    @Test
    void bothQueuesSubscribeWithRawMessageDelivery() {
        String topicId = logicalId("AWS::SNS::Topic", Map.of("TopicName", names.domainEvents().name()));
        template.resourceCountIs("AWS::SNS::Subscription", 2);
        for (ResourceNames.Queue q : names.queues()) {
            String queueId = logicalId("AWS::SQS::Queue", Map.of("QueueName", q.name()));
            template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                    "Protocol", "sqs",
                    "RawMessageDelivery", true,
                    "TopicArn", Map.of("Ref", topicId),
                    "Endpoint", Map.of("Fn::GetAtt", List.of(queueId, "Arn"))));
        }
    }

    // ------------------------------------------------------------------ DynamoDB

    @Test
    void tablesAreOnDemandWithPitrAndEncryption() {
        template.resourceCountIs("AWS::DynamoDB::Table", 2);
        for (ResourceNames.Table t : List.of(names.employeesTable(), names.auditTable())) {
            template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                    "TableName", t.name(),
                    "BillingMode", "PAY_PER_REQUEST",
                    "KeySchema", List.of(
                            Map.of("AttributeName", t.partitionKey(), "KeyType", "HASH"),
                            Map.of("AttributeName", t.sortKey(), "KeyType", "RANGE")),
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                    "SSESpecification", Map.of("SSEEnabled", true)));
            template.hasResource("AWS::DynamoDB::Table", Map.of(
                    "Properties", Map.of("TableName", t.name()),
                    "DeletionPolicy", "Retain"));
        }
    }

    /** Every index of resources.json, exactly: string keys, all attributes projected, no throughput (on demand). */
    @Test
    void tablesHaveTheGlobalSecondaryIndexesOfResourcesJson() {
        assertThat(names.auditTable().indexes()).as("the audit table's time-range index").isNotEmpty();
        assertThat(names.employeesTable().indexes()).as("the employees table's reportees index")
                .extracting(ResourceNames.Index::name).containsExactly("byManager");
        for (ResourceNames.Table t : List.of(names.employeesTable(), names.auditTable())) {
            Map<String, Object> table = props(resources.get(
                    logicalId("AWS::DynamoDB::Table", Map.of("TableName", t.name()))));
            List<Map<String, Object>> expected = t.indexes().stream().map(ix -> Map.<String, Object>of(
                    "IndexName", ix.name(),
                    "KeySchema", List.of(
                            Map.of("AttributeName", ix.partitionKey(), "KeyType", "HASH"),
                            Map.of("AttributeName", ix.sortKey(), "KeyType", "RANGE")),
                    "Projection", Map.of("ProjectionType", "ALL"))).toList();
            assertThat(list(table.get("GlobalSecondaryIndexes"))).as(t.name())
                    .containsExactlyInAnyOrderElementsOf(expected);
            List<Map<String, Object>> attributes = new ArrayList<>();
            for (String key : keyAttributes(t)) {
                attributes.add(Map.of("AttributeName", key, "AttributeType", "S"));
            }
            assertThat(list(table.get("AttributeDefinitions"))).as(t.name())
                    .containsExactlyInAnyOrderElementsOf(attributes);
        }
    }

    private static Set<String> keyAttributes(ResourceNames.Table t) {
        Set<String> keys = new TreeSet<>(List.of(t.partitionKey(), t.sortKey()));
        t.indexes().forEach(ix -> keys.addAll(List.of(ix.partitionKey(), ix.sortKey())));
        return keys;
    }

    // ------------------------------------------------------------------ MySQL

    @Test
    void primaryIsEncryptedMysql8WithBackupsAndGeneratedSecret() {
        template.hasResourceProperties("AWS::RDS::DBInstance", Map.of(
                "Engine", "mysql",
                "EngineVersion", Match.stringLikeRegexp("^8\\..*"),
                "StorageEncrypted", true,
                "BackupRetentionPeriod", 7,
                "PubliclyAccessible", false,
                "MasterUserPassword", Map.of("Fn::Join", List.of("", List.of(
                        "{{resolve:secretsmanager:", Match.objectLike(Map.of("Ref", Match.anyValue())),
                        ":SecretString:password::}}")))));
        template.hasResource("AWS::RDS::DBInstance", Map.of(
                "Properties", Map.of("Engine", "mysql"),
                "DeletionPolicy", "Snapshot"));
        // the master secret, and one per user: command (runtime, migration), projector (runtime, migration), query
        template.resourceCountIs("AWS::SecretsManager::Secret", 6);
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "GenerateSecretString", Match.objectLike(Map.of("GenerateStringKey", "password"))));
    }

    @Test
    void twoReadReplicasOfThePrimary() {
        String primaryId = logicalId("AWS::RDS::DBInstance", Map.of("Engine", "mysql"));
        Map<String, Map<String, Object>> replicas = template.findResources("AWS::RDS::DBInstance",
                Map.of("Properties", Map.of("SourceDBInstanceIdentifier", Match.anyValue())));
        assertThat(replicas).hasSize(2);
        replicas.values().forEach(r -> assertThat(new JsonText(r).text).contains("\"" + primaryId + "\""));
    }

    @Test
    void weightedReplicaRecordsWithShortTtlAndHealthChecks() {
        String name = CqrsStack.REPLICA_RECORD + ".db.cqrs.internal.";
        template.hasResourceProperties("AWS::Route53::HostedZone", Map.of(
                "Name", "db.cqrs.internal.",
                "VPCs", List.of(Match.objectLike(Map.of("VPCId", Match.anyValue())))));
        Map<String, Map<String, Object>> records = template.findResources("AWS::Route53::RecordSet",
                Map.of("Properties", Map.of("Name", name)));
        assertThat(records).hasSize(2);
        Set<Object> identifiers = new HashSet<>();
        Set<Object> targets = new HashSet<>();
        for (Map<String, Object> record : records.values()) {
            Map<String, Object> p = props(record);
            assertThat(p).contains(entry("Type", "CNAME"), entry("TTL", "5"), entry("Weight", 50));
            assertThat(p).containsKey("HealthCheckId");
            identifiers.add(p.get("SetIdentifier"));
            targets.add(p.get("ResourceRecords"));
        }
        assertThat(identifiers).hasSize(2);
        assertThat(targets).hasSize(2);
        // per replica: one calculated check over two CloudWatch-alarm checks (lag/missing metrics, replication stopped)
        template.resourceCountIs("AWS::Route53::HealthCheck", 6);
        Map<String, Map<String, Object>> calculated = template.findResources("AWS::Route53::HealthCheck", Map.of(
                "Properties", Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                        "Type", "CALCULATED", "HealthThreshold", 2)))));
        assertThat(calculated).hasSize(2);
        Set<String> children = new HashSet<>();
        calculated.values().forEach(hc -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = (List<Object>) ((Map<String, Object>) props(hc).get("HealthCheckConfig"))
                    .get("ChildHealthChecks");
            assertThat(ids).hasSize(2);
            ids.forEach(id -> children.add(new JsonText(id).text));
        });
        assertThat(children).hasSize(4);
        records.values().forEach(rec -> assertThat(calculated.keySet())
                .anySatisfy(id -> assertThat(new JsonText(props(rec).get("HealthCheckId")).text).contains(id)));
        template.hasResourceProperties("AWS::Route53::HealthCheck", Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "CLOUDWATCH_METRIC",
                "InsufficientDataHealthStatus", "Unhealthy",
                "AlarmIdentifier", Match.objectLike(Map.of("Name", Match.anyValue()))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/RDS", "MetricName", "ReplicaLag", "TreatMissingData", "breaching"));
    }

    // ------------------------------------------------------------------ projector Lambda

    @Test
    void projectorIsJava21LambdaInTheVpcFedByItsQueue() {
        String queueId = logicalId("AWS::SQS::Queue", Map.of("QueueName", names.projectorQueue().name()));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java21",
                "Handler", CqrsStack.PROJECTOR_HANDLER,
                "VpcConfig", Match.objectLike(Map.of("SubnetIds", Match.anyValue()))));
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 10,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "EventSourceArn", Map.of("Fn::GetAtt", List.of(queueId, "Arn"))));
        // the queue outlives six Lambda timeouts
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", names.projectorQueue().name(), "VisibilityTimeout", 360));
    }

    @Test
    void projectorEnvironmentFollowsTheConventionsAndHoldsNoPassword() {
        Map<String, Object> vars = lambdaEnvironment(CqrsStack.PROJECTOR_HANDLER);
        assertThat(vars).containsOnlyKeys("PROJECTOR_DB_URL", "PROJECTOR_DB_SECRET_ARN",
                "PROJECTOR_DB_MIGRATION_SECRET_ARN",
                names.employeesTable().env(), names.projectorQueue().env(), names.projectorQueue().dlqEnv());
        assertThat(new JsonText(vars.get("PROJECTOR_DB_URL")).text).contains("jdbc:mysql://", ":3306/read_db");
        // only the secrets' ARNs (a Ref of an AWS::SecretsManager::Secret is its ARN): the function reads them at
        // init; not even a {{resolve:...}} dynamic reference, which Lambda would store resolved in its configuration
        assertThat(vars.get("PROJECTOR_DB_SECRET_ARN"))
                .isEqualTo(Map.of("Ref", logicalIdStartingWith("AWS::SecretsManager::Secret", "ProjectorDbSecret")));
        assertThat(vars.get("PROJECTOR_DB_MIGRATION_SECRET_ARN")).isEqualTo(Map.of("Ref",
                logicalIdStartingWith("AWS::SecretsManager::Secret", "ProjectorMigrationDbSecret")));
        assertThat(vars).containsEntry(names.projectorQueue().dlqEnv(), names.projectorQueue().dlq());
    }

    // ------------------------------------------------------------------ ECS + ALB

    @Test
    void threeFargateServicesAndTheBootstrapTask() {
        template.resourceCountIs("AWS::ECS::Service", 3);
        template.allResourcesProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "LaunchType", "FARGATE",
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                        "AssignPublicIp", "DISABLED"))),
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))))));
        template.resourceCountIs("Custom::DbBootstrap", 1);
        // the HTTP services start after the database users exist
        for (String service : List.of("CommandService", "QueryService")) {
            Map<String, Object> svc = resources.get(logicalIdStartingWith("AWS::ECS::Service", service));
            assertThat(new JsonText(svc.get("DependsOn")).text).contains("DbBootstrap");
        }
    }

    /** JSON logs and the collector sidecar's Zipkin endpoint, in every service's environment. */
    private static final String LOGS = "LOGGING_STRUCTURED_FORMAT_CONSOLE";
    private static final String TRACES = "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT";

    @Test
    void serviceEnvironmentsFollowTheConventions() {
        assertThat(containerVariables("command-service")).containsExactlyInAnyOrder(
                "AWS_REGION", "SERVER_ADDRESS", "COMMAND_DB_URL", names.domainEvents().env(),
                "COMMAND_DB_USER", "COMMAND_DB_PASSWORD", "COMMAND_DB_MIGRATION_USER", "COMMAND_DB_MIGRATION_PASSWORD",
                "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED", LOGS, TRACES, "AUTH_ISSUER_URI", "AUTH_AUDIENCES",
                "AUTH_SCOPE_PREFIX", "CORS_ALLOWED_ORIGINS");
        assertThat(containerVariables("query-service")).containsExactlyInAnyOrder(
                "AWS_REGION", "SERVER_ADDRESS", "QUERY_DB_URL", names.employeesTable().env(),
                names.auditTable().env(), "QUERY_DB_USER", "QUERY_DB_PASSWORD", LOGS, TRACES, "AUTH_ISSUER_URI",
                "AUTH_AUDIENCES", "AUTH_SCOPE_PREFIX", "CORS_ALLOWED_ORIGINS", "QUERY_REPLICA_HOSTS");
        assertThat(containerVariables("audit-worker")).containsExactlyInAnyOrder(
                "AWS_REGION", "SERVER_ADDRESS", names.auditQueue().env(), names.auditQueue().dlqEnv(),
                names.auditTable().env(), LOGS, TRACES);
        Map<String, Object> query = container("query-service");
        assertThat(new JsonText(query.get("Environment")).text)
                .contains("jdbc:mysql://replicas.db.cqrs.internal:3306/read_db");
    }

    // ------------------------------------------------------------------ identity (Cognito)

    @Test
    void cognitoGrantsTheApiScopesToAFrontendCodeClientAndAMachineClient() {
        assertThat(template.findResources("AWS::Cognito::UserPool")).hasSize(1);
        template.hasResourceProperties("AWS::Cognito::UserPool",
                Map.of("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true)));
        Map<String, Object> api = props(only("AWS::Cognito::UserPoolResourceServer"));
        assertThat(api.get("Identifier")).isEqualTo("cqrs-api");
        assertThat(list(api.get("Scopes")).stream().map(scope -> scope.get("ScopeName")).toList())
                .containsExactlyInAnyOrder((Object[]) dev.cqrs.contracts.auth.Scopes.ALL.split(" "));
        template.resourceCountIs("AWS::Cognito::UserPoolDomain", 1);

        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "GenerateSecret", false,
                "AllowedOAuthFlows", List.of("code"),
                // and the hosted front end's https://<CloudFront domain>/callback (FrontendHostingTest)
                "CallbackURLs", Match.arrayWith(List.of("http://localhost:5173/callback"))));
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "GenerateSecret", true,
                "AllowedOAuthFlows", List.of("client_credentials")));
        String clients = new JsonText(template.findResources("AWS::Cognito::UserPoolClient")).text;
        for (String scope : dev.cqrs.contracts.auth.Scopes.ALL.split(" ")) {
            assertThat(clients).contains("/" + scope + "\"");
        }
    }

    @Test
    void bothHttpServicesValidateTheUserPoolsTokens() {
        for (String service : List.of("command-service", "query-service")) {
            Map<String, Object> vars = new LinkedHashMap<>();
            list(container(service).get("Environment")).forEach(e -> vars.put((String) e.get("Name"), e.get("Value")));
            assertThat(new JsonText(vars.get("AUTH_ISSUER_URI")).text).contains("https://cognito-idp.")
                    .contains(logicalIdOf("AWS::Cognito::UserPool"));
            assertThat(vars).containsEntry("AUTH_SCOPE_PREFIX", "cqrs-api/").containsEntry("AUTH_AUDIENCES", "");
        }
        assertThat(containerVariables("audit-worker")).noneMatch(name -> name.startsWith("AUTH_"));
    }

    private static Map<String, Object> only(String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertThat(found).hasSize(1);
        return found.values().iterator().next();
    }

    private static String logicalIdOf(String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertThat(found).hasSize(1);
        return found.keySet().iterator().next();
    }

    @Test
    void databaseCredentialsAreEcsSecretsFromSecretsManager() {
        for (String service : List.of("command-service", "query-service")) {
            Map<String, Object> c = container(service);
            assertThat(new JsonText(c.get("Environment")).text).doesNotContainIgnoringCase("PASSWORD");
            List<Map<String, Object>> secrets = list(c.get("Secrets"));
            // command-service: its runtime login and Flyway's migration login; query-service: its read-only login
            assertThat(secrets).hasSize(service.equals("command-service") ? 4 : 2);
            for (Map<String, Object> s : secrets) {
                String valueFrom = new JsonText(s.get("ValueFrom")).text;
                String secret = ((String) s.get("Name")).contains("MIGRATION") ? "CommandMigrationDbSecret"
                        : service.equals("command-service") ? "CommandDbSecret" : "QueryDbSecret";
                assertThat(valueFrom).containsPattern("\\{\"Ref\":\"" + secret + "[0-9A-F]+\"}")
                        .containsPattern(":(username|password)::");
            }
        }
    }

    @Test
    void containersAndTargetGroupsCheckLivenessOnly() {
        // liveness, not /actuator/health: a database outage must not make ECS restart every task
        for (String service : List.of("command-service", "query-service", "audit-worker")) {
            assertThat(new JsonText(container(service).get("HealthCheck")).text)
                    .contains("/actuator/health/liveness");
        }
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 2);
        template.allResourcesProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckPath", "/actuator/health/liveness", "TargetType", "ip",
                "Matcher", Map.of("HttpCode", "200"))));
        for (int port : List.of(CqrsStack.COMMAND_PORT, CqrsStack.QUERY_PORT)) {
            template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                    "Port", port, "Protocol", "HTTP"));
            template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of("Port", port));
        }
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing"));
    }

    @Test
    void imagesComeFromTheEcrRepositoriesWithTheGivenTag() {
        assertThat(new JsonText(container("command-service").get("Image")).text)
                .contains(".dkr.ecr.", "/cqrs/command-service:test");
    }

    // ------------------------------------------------------------------ IAM

    /** Sending traces to X-Ray (the services' collector sidecars, the Lambda's active tracing): no resource-level form. */
    private static final Map.Entry<String, Set<String>> XRAY_SEGMENTS = Map.entry("xray:PutTraceSegments",
            Set.of("\"*\""));
    private static final Map.Entry<String, Set<String>> XRAY_TELEMETRY = Map.entry("xray:PutTelemetryRecords",
            Set.of("\"*\""));

    @Test
    void eachWorkloadGetsExactlyTheActionsItUsesOnItsOwnResources() {
        String topic = ref(logicalId("AWS::SNS::Topic", Map.of("TopicName", names.domainEvents().name())));
        String projectorQueue = arn(queueId(names.projectorQueue().name()));
        String projectorDlq = arn(queueId(names.projectorQueue().dlq()));
        String auditQueue = arn(queueId(names.auditQueue().name()));
        String auditDlq = arn(queueId(names.auditQueue().dlq()));
        String employeesId = logicalId("AWS::DynamoDB::Table", Map.of("TableName", names.employeesTable().name()));
        String employees = arn(employeesId);
        String auditId = logicalId("AWS::DynamoDB::Table", Map.of("TableName", names.auditTable().name()));
        String audit = arn(auditId);
        Set<String> auditIndexes = new TreeSet<>(names.auditTable().indexes().stream()
                .map(ix -> new JsonText(Map.of("Fn::Join", List.of("", List.of(
                        Map.of("Fn::GetAtt", List.of(auditId, "Arn")), "/index/" + ix.name())))).text)
                .toList());
        Set<String> employeeIndexes = new TreeSet<>(names.employeesTable().indexes().stream()
                .map(ix -> new JsonText(Map.of("Fn::Join", List.of("", List.of(
                        Map.of("Fn::GetAtt", List.of(employeesId, "Arn")), "/index/" + ix.name())))).text)
                .toList());
        assertThat(auditIndexes).isNotEmpty();
        assertThat(employeeIndexes).as("the reportees index").isNotEmpty();
        Set<String> projectorSecrets = Set.of(
                ref(logicalIdStartingWith("AWS::SecretsManager::Secret", "ProjectorDbSecret")),
                ref(logicalIdStartingWith("AWS::SecretsManager::Secret", "ProjectorMigrationDbSecret")));
        Set<String> queryable = new TreeSet<>(Set.of(employees, audit));
        queryable.addAll(auditIndexes);
        queryable.addAll(employeeIndexes);

        assertThat(grants("CommandServiceTaskTaskRole")).containsOnly(
                entry("sns:Publish", Set.of(topic)),
                entry("cloudwatch:PutMetricData", Set.of("\"*\"")), XRAY_SEGMENTS, XRAY_TELEMETRY);
        assertThat(grants("QueryServiceTaskTaskRole")).containsOnly(
                entry("dynamodb:GetItem", Set.of(employees, audit)),
                entry("dynamodb:Query", queryable), XRAY_SEGMENTS, XRAY_TELEMETRY);
        assertThat(grants("AuditWorkerTaskTaskRole")).containsOnly(
                entry("sqs:ReceiveMessage", Set.of(auditQueue)),
                entry("sqs:DeleteMessage", Set.of(auditQueue)),
                entry("sqs:GetQueueAttributes", Set.of(auditQueue)),
                entry("sqs:ChangeMessageVisibility", Set.of(auditQueue)),
                entry("sqs:GetQueueUrl", Set.of(auditQueue, auditDlq)),
                entry("sqs:SendMessage", Set.of(auditDlq)),
                entry("dynamodb:PutItem", Set.of(audit)), XRAY_SEGMENTS, XRAY_TELEMETRY);
        assertThat(grants("ProjectorServiceRole")).containsOnly(
                entry("sqs:ReceiveMessage", Set.of(projectorQueue)),
                entry("sqs:DeleteMessage", Set.of(projectorQueue)),
                entry("sqs:GetQueueAttributes", Set.of(projectorQueue)),
                entry("sqs:GetQueueUrl", Set.of(projectorDlq)),
                entry("sqs:SendMessage", Set.of(projectorDlq)),
                entry("dynamodb:GetItem", Set.of(employees)),
                entry("dynamodb:PutItem", Set.of(employees)),
                // its two database logins, read at init; no other secret
                entry("secretsmanager:GetSecretValue", projectorSecrets),
                entry("secretsmanager:DescribeSecret", projectorSecrets), XRAY_SEGMENTS, XRAY_TELEMETRY);
    }

    @Test
    void noWildcardActionsAndStarResourcesOnlyWhereAwsRequiresThem() {
        // Actions that have no resource-level permissions in IAM, so "*" is the only possible resource.
        Set<String> starOnly = Set.of("ecr:GetAuthorizationToken", "cloudwatch:PutMetricData",
                "xray:PutTraceSegments", "xray:PutTelemetryRecords");
        // CDK's own deploy-time handlers of the front end's bucket (BucketDeployment, auto-delete) carry CDK's grants,
        // confined to that bucket and the asset bucket: FrontendHostingTest checks them
        List<Map<String, Object>> statements = allStatements(id -> !FrontendHostingTest.isDeployTimeHandler(id));
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> st : statements) {
            List<String> actions = strings(st.get("Action"));
            assertThat(actions).as("statement %s", st).allSatisfy(a -> assertThat(a).doesNotContain("*"));
            if (strings(st.get("Resource")).contains("*")) {
                assertThat(starOnly).as("'*' resource for %s", actions).containsAll(actions);
            }
        }
        // PutMetricData is narrowed to the outbox namespace
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "cloudwatch:PutMetricData",
                        "Condition", Map.of("StringEquals", Map.of("cloudwatch:namespace",
                                CqrsStack.OUTBOX_NAMESPACE))))))))); 
    }

    @Test
    void noSecretValueInTheTemplate() {
        // Every password reaches CloudFormation as a reference to a generated secret.
        assertThat(json).doesNotContainPattern("(?i)\"[A-Z_]*PASSWORD\"\\s*:\\s*\"[^{]");
        assertThat(json).doesNotContainPattern("(?i)\"MasterUserPassword\"\\s*:\\s*\"");
    }

    // ------------------------------------------------------------------ alarms

    @Test
    void alarmsOnDlqDepthOutboxAgeAndLambdaErrors() {
        for (ResourceNames.Queue q : names.queues()) {
            String dlqId = queueId(q.dlq());
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", "AWS/SQS",
                    "MetricName", "ApproximateNumberOfMessagesVisible",
                    "Dimensions", List.of(Map.of("Name", "QueueName",
                            "Value", Map.of("Fn::GetAtt", List.of(dlqId, "QueueName")))),
                    "ComparisonOperator", "GreaterThanThreshold",
                    "Threshold", 0));
        }
        // The names command-service exports (contracts' CloudWatchMetrics, mapped by its CloudWatchExport), spelled
        // out here so that a rename on one side only fails this test; missing data = no command-service running.
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "Cqrs/Outbox",
                "MetricName", "OldestUnpublishedAgeSeconds",
                "Statistic", "Maximum",
                "Period", 60,
                "Threshold", 300,
                "TreatMissingData", "breaching"));
        assertThat(template.findResources("AWS::CloudWatch::Alarm", Map.of("Properties", Map.of(
                "Namespace", "Cqrs/Outbox", "MetricName", "OldestUnpublishedAgeSeconds")))).hasSize(1)
                .allSatisfy((id, alarm) -> assertThat(props(alarm)).doesNotContainKey("Dimensions"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", CloudWatchMetrics.NAMESPACE,
                "MetricName", CloudWatchMetrics.PARKED.metricName(),
                "Threshold", 0));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda",
                "MetricName", "Errors",
                "Dimensions", List.of(Map.of("Name", "FunctionName",
                        "Value", Map.of("Ref", logicalIdStartingWith("AWS::Lambda::Function", "Projector")))),
                "Threshold", 0));
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmActions", List.of(Map.of("Ref", logicalId("AWS::SNS::Topic",
                        Map.of("TopicName", names.prefix() + "-alarms")))))));
    }

    // ------------------------------------------------------------------ observability

    @Test
    void tracesGoToXRayFromTheLambdaAndFromACollectorBesideEveryService() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("TracingConfig", Map.of("Mode", "Active")));
        for (String service : List.of("command-service", "query-service", "audit-worker")) {
            assertThat(containerVariables(service)).contains("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT",
                    "LOGGING_STRUCTURED_FORMAT_CONSOLE");
        }
        assertThat(containerVariables("command-service")).contains("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED");
        Map<String, Object> collector = container("otel-collector");
        assertThat(collector.get("Essential")).isEqualTo(false);
        assertThat(new JsonText(collector.get("Environment")).text).contains("zipkin", "awsxray");
        template.resourceCountIs("AWS::ECS::TaskDefinition", 4); // three services and the bootstrap task
    }

    @Test
    void aDashboardShowsThePipeline() {
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String body = new JsonText(template.findResources("AWS::CloudWatch::Dashboard").values().iterator().next())
                .text;
        assertThat(body).contains(CloudWatchMetrics.OLDEST_UNPUBLISHED_AGE.metricName(),
                CloudWatchMetrics.BACKLOG.metricName(), "ApproximateNumberOfMessagesVisible", "ReplicaLag",
                "Invocations");
    }

    // ------------------------------------------------------------------ network

    @Test
    void privateSubnetsWithOneNatAndFreeGatewayEndpoints() {
        template.resourceCountIs("AWS::EC2::NatGateway", 1);
        template.resourceCountIs("AWS::EC2::VPCEndpoint", 2);
        template.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway",
                "ServiceName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                        Match.arrayWith(List.of(".dynamodb"))))))));
        // databases live in isolated subnets: their subnet group has no route to the NAT
        template.allResourcesProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "PubliclyAccessible", false)));
    }

    // ================================================================== helpers

    record JsonText(String text) {
        JsonText(Object value) {
            this(write(value));
        }

        private static String write(Object value) {
            try {
                return new ObjectMapper().writeValueAsString(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    static List<String> strings(Object o) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(x -> x instanceof String s ? s : new JsonText(x).text).toList();
        }
        return List.of(o instanceof String s ? s : new JsonText(o).text);
    }

    static String logicalId(String type, Map<String, Object> properties) {
        Map<String, Map<String, Object>> found = template.findResources(type, Map.of("Properties", properties));
        assertThat(found).as("%s with %s", type, properties).hasSize(1);
        return found.keySet().iterator().next();
    }

    static String logicalIdStartingWith(String type, String prefix) {
        List<String> ids = template.findResources(type).keySet().stream()
                .filter(id -> id.startsWith(prefix)).toList();
        assertThat(ids).as("%s starting with %s", type, prefix).hasSize(1);
        return ids.get(0);
    }

    static String queueId(String name) {
        return logicalId("AWS::SQS::Queue", Map.of("QueueName", name));
    }

    static String arn(String logicalId) {
        return new JsonText(Map.of("Fn::GetAtt", List.of(logicalId, "Arn"))).text;
    }

    static String ref(String logicalId) {
        return new JsonText(Map.of("Ref", logicalId)).text;
    }

    static Map<String, Object> container(String name) {
        for (Map<String, Object> td : template.findResources("AWS::ECS::TaskDefinition").values()) {
            for (Map<String, Object> c : list(props(td).get("ContainerDefinitions"))) {
                if (name.equals(c.get("Name"))) {
                    return c;
                }
            }
        }
        throw new AssertionError("no container " + name);
    }

    static List<String> containerVariables(String name) {
        Map<String, Object> c = container(name);
        List<String> vars = new ArrayList<>();
        list(c.get("Environment")).forEach(e -> vars.add((String) e.get("Name")));
        list(c.get("Secrets")).forEach(e -> vars.add((String) e.get("Name")));
        return vars;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> lambdaEnvironment(String handler) {
        Map<String, Map<String, Object>> fns = template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", handler)));
        assertThat(fns).hasSize(1);
        Map<String, Object> env = (Map<String, Object>) props(fns.values().iterator().next()).get("Environment");
        return (Map<String, Object>) env.get("Variables");
    }

    /** Every statement of every AWS::IAM::Policy and every inline role policy. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> allStatements() {
        return allStatements(id -> true);
    }

    /** The statements of the policies and roles whose logical id passes {@code include}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> allStatements(java.util.function.Predicate<String> include) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : resources.entrySet()) {
            if (!include.test(entry.getKey())) {
                continue;
            }
            Map<String, Object> r = entry.getValue();
            Map<String, Object> p = props(r);
            if ("AWS::IAM::Policy".equals(r.get("Type"))) {
                out.addAll(list(((Map<String, Object>) p.get("PolicyDocument")).get("Statement")));
            }
            if ("AWS::IAM::Role".equals(r.get("Type")) && p.get("Policies") != null) {
                for (Map<String, Object> inline : list(p.get("Policies"))) {
                    out.addAll(list(((Map<String, Object>) inline.get("PolicyDocument")).get("Statement")));
                }
            }
        }
        return out;
    }

    /** action -> resources (as JSON text) granted to the role whose logical id starts with rolePrefix. */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> grants(String rolePrefix) {
        String roleId = logicalIdStartingWith("AWS::IAM::Role", rolePrefix);
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        for (Map<String, Object> r : template.findResources("AWS::IAM::Policy").values()) {
            Map<String, Object> p = props(r);
            if (!new JsonText(p.get("Roles")).text.contains("\"" + roleId + "\"")) {
                continue;
            }
            for (Map<String, Object> st : list(((Map<String, Object>) p.get("PolicyDocument")).get("Statement"))) {
                assertThat(st.get("Effect")).isEqualTo("Allow");
                for (String action : strings(st.get("Action"))) {
                    Object res = st.get("Resource");
                    List<Object> items = res instanceof List<?> l ? new ArrayList<>(l) : List.of(res);
                    grants.computeIfAbsent(action, a -> new TreeSet<>())
                            .addAll(items.stream().map(x -> new JsonText(x).text).toList());
                }
            }
        }
        return grants;
    }
}
