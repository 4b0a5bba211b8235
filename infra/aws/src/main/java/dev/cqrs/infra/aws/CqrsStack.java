package dev.cqrs.infra.aws;

import dev.cqrs.contracts.observability.CloudWatchMetrics;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole system in one stack. This class only wires the parts, one class per concern, in dependency order:
 * <pre>
 *   Network          VPC, subnets, security groups
 *   Alarms           the alarm topic (+ DLQ, outbox and projector alarms, added below)
 *   Database         RDS MySQL primary, two read replicas, one secret per database user
 *   ReplicaDns       replicas.&lt;zone&gt;: weighted CNAMEs over the replicas, health checks from their lag alarms
 *   Messaging        SNS FIFO topic, projector and audit SQS FIFO queues with DLQs
 *   Tables           DynamoDB employees and audit tables
 *   ProjectorFunction  the projector Lambda and its event source mapping
 *   DbBootstrap      databases, users and grants (infra/sql/users-and-grants.sql) before the services start
 *   FrontendHosting  the browser app: private S3 bucket behind CloudFront (OAC, HTTPS only, SPA fallback)
 *   Identity         Cognito user pool, resource server cqrs-api (the scopes), front-end and machine app clients
 *   Services         command-service, query-service, audit-worker on Fargate (FargateParts: how a task is built)
 *   LoadBalancer     the ALB: 8080 command-service, 8081 query-service
 * </pre>
 * Every part adds its resources to this stack directly, not under a child construct of its own: construct paths,
 * and with them the logical ids, generated names and tags of a deployed stack, stay exactly what they were when this
 * was one class (a child construct would, e.g., replace the RDS master secret and the ALB's security group).
 * <p>
 * Every name that services see comes from {@link ResourceNames} (infra/resources.json); every environment variable
 * follows docs/conventions.md. In AWS the endpoint and DNS-override variables stay unset.
 */
public class CqrsStack extends Stack {

    public static final String COMMAND_DB = "command_db";
    public static final String READ_DB = "read_db";
    public static final String COMMAND_DB_USER = "command_svc";
    public static final String COMMAND_DB_MIGRATION_USER = "command_migrator";
    public static final String PROJECTOR_DB_USER = "projector";
    public static final String PROJECTOR_DB_MIGRATION_USER = "projector_migrator";
    public static final String QUERY_DB_USER = "query_svc";
    public static final int MYSQL_PORT = 3306;
    public static final int COMMAND_PORT = 8080;
    public static final int QUERY_PORT = 8081;
    public static final int AUDIT_PORT = 8082;
    public static final String PROJECTOR_HANDLER = "dev.cqrs.projector.ProjectorHandler::handleRequest";
    /** The services' CloudWatch names (contracts' {@link CloudWatchMetrics}), not a copy of them. */
    public static final String OUTBOX_NAMESPACE = CloudWatchMetrics.NAMESPACE;
    public static final String OUTBOX_METRIC = CloudWatchMetrics.OLDEST_UNPUBLISHED_AGE.metricName();
    /** The path of the container and load-balancer health checks: liveness only, never the databases. */
    public static final String LIVENESS_PATH = "/actuator/health/liveness";
    public static final String REPLICA_RECORD = "replicas";
    public static final int REPLICA_TTL_SECONDS = 5;
    public static final int REPLICA_WEIGHT = 50;

    public CqrsStack(Construct scope, String id, StackProps props, ResourceNames names, CqrsConfig config) {
        super(scope, id, props);

        Network network = new Network(this);
        Alarms alarms = new Alarms(this, names, config);
        Database database = new Database(this, names, network);
        ReplicaDns replicaDns = new ReplicaDns(this, names, config, network, database, alarms);
        Messaging messaging = new Messaging(this, names);
        Tables tables = new Tables(this, names);
        ProjectorFunction projector = new ProjectorFunction(this, names, config, network, database, messaging,
                tables);

        Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(network.vpc).build();
        DbBootstrap bootstrap = new DbBootstrap(this, names, cluster, network, database);
        FrontendHosting frontend = new FrontendHosting(this);
        Identity identity = new Identity(this, frontend.origin + "/callback");
        Services services = new Services(this, names, config, cluster, network, database, replicaDns, messaging,
                tables, bootstrap, identity, frontend.origin);
        LoadBalancer loadBalancer = new LoadBalancer(this, config, network, services);
        frontend.deploy(frontendConfig(loadBalancer, identity));

        alarms.deadLetterQueue("ProjectorDlqAlarm", messaging.projectorDlq);
        alarms.deadLetterQueue("AuditDlqAlarm", messaging.auditDlq);
        alarms.outboxAge(config.outboxAgeAlarmSeconds());
        alarms.outboxParked();
        alarms.projectorErrors(projector.function);
        new Dashboard(this, names, messaging, projector, database);

        output("CommandApiUrl", loadBalancer.url(COMMAND_PORT));
        output("QueryApiUrl", loadBalancer.url(QUERY_PORT));
        output("EventsTopicArn", messaging.events.getTopicArn());
        output("ReplicaHostname", replicaDns.hostname);
        output("PrimaryEndpoint", database.primaryHost());
        output("AlarmTopicArn", alarms.topic.getTopicArn());
        output("AuthIssuerUri", identity.issuer);
        output("FrontendClientId", identity.frontendClient.getUserPoolClientId());
        output("MachineClientId", identity.machineClient.getUserPoolClientId());
        output("FrontendUrl", frontend.origin);
    }

    /**
     * The front end's runtime configuration ({@value FrontendHosting#CONFIG_FILE}): the keys of frontend/src/config.ts,
     * which override its build-time settings, with Cognito's scope names ({@code cqrs-api/read}, …).
     */
    static Map<String, String> frontendConfig(LoadBalancer loadBalancer, Identity identity) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("commandApiUrl", loadBalancer.url(COMMAND_PORT));
        config.put("queryApiUrl", loadBalancer.url(QUERY_PORT));
        config.put("authIssuer", identity.issuer);
        config.put("authClientId", identity.frontendClient.getUserPoolClientId());
        config.put("authScope", identity.frontendScope());
        return config;
    }

    private void output(String id, String value) {
        CfnOutput.Builder.create(this, id).value(value).build();
    }
}
