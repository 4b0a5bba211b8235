package dev.cqrs.projector;

import com.zaxxer.hikari.HikariDataSource;
import dev.cqrs.projector.employee.EmployeeProjection;
import dev.cqrs.projector.telemetry.ObservedProjection;
import dev.cqrs.projector.telemetry.Telemetry;
import dev.cqrs.projector.todo.TodoProjection;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the handler needs, built once per container (Lambda reuses it for every invocation).
 * AWS settings come only from the SDK's standard sources (AWS_REGION, AWS_ENDPOINT_URL_SQS,
 * AWS_ENDPOINT_URL_DYNAMODB, credentials chain).
 */
public final class Projector implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final SqsClient sqs;
    private final DynamoDbClient dynamo;
    private final PartialBatchProcessor batchProcessor;
    private final Telemetry telemetry;

    private Projector(HikariDataSource dataSource, SqsClient sqs, DynamoDbClient dynamo,
                      PartialBatchProcessor batchProcessor, Telemetry telemetry) {
        this.dataSource = dataSource;
        this.sqs = sqs;
        this.dynamo = dynamo;
        this.batchProcessor = batchProcessor;
        this.telemetry = telemetry;
    }

    /**
     * Reads PROJECTOR_DB_URL, the two read_db logins ({@link ProjectorCredentials}: Secrets Manager ARNs in AWS,
     * PROJECTOR_DB_[MIGRATION_]USER/PASSWORD locally), PROJECTOR_DLQ_NAME and EMPLOYEES_TABLE; migrates read_db as
     * the migration user, serves with the runtime user (rows only) and resolves the dead-letter queue.
     */
    public static Projector fromEnvironment(Map<String, String> env) {
        String url = required(env, "PROJECTOR_DB_URL");
        ProjectorCredentials credentials = ProjectorCredentials.fromEnvironment(env);
        ReadModelDatabase.migrate(url, credentials.migration());
        HikariDataSource dataSource = ReadModelDatabase.connect(url, credentials.runtime());
        SqsClient sqs = null;
        DynamoDbClient dynamo = null;
        Telemetry telemetry = Telemetry.fromEnvironment(env);
        try {
            String employeesTable = required(env, "EMPLOYEES_TABLE");
            sqs = sqsClient();
            dynamo = dynamoDbClient();
            DeadLetters deadLetters = new SqsDeadLetters(sqs, required(env, "PROJECTOR_DLQ_NAME"));
            return new Projector(dataSource, sqs, dynamo,
                    batchProcessor(dataSource, dynamo, employeesTable, deadLetters, telemetry), telemetry);
        } catch (RuntimeException e) {
            if (dynamo != null) {
                dynamo.close();
            }
            if (sqs != null) {
                sqs.close();
            }
            dataSource.close();
            telemetry.close();
            throw e;
        }
    }

    /** {@link #batchProcessor(DataSource, DynamoDbClient, String, DeadLetters, Telemetry)}, traces unreported. */
    static PartialBatchProcessor batchProcessor(DataSource dataSource, DynamoDbClient dynamo, String employeesTable,
                                                DeadLetters deadLetters) {
        return batchProcessor(dataSource, dynamo, employeesTable, deadLetters, Telemetry.unreported());
    }

    /**
     * The object graph: one projection per read model, each measured ({@link ObservedProjection}), behind the router;
     * each message in its own span of the command's trace ({@link TracedMessageHandler}). Add new read models here.
     */
    static PartialBatchProcessor batchProcessor(DataSource dataSource, DynamoDbClient dynamo, String employeesTable,
                                                DeadLetters deadLetters, Telemetry telemetry) {
        ProjectionRouter router = new ProjectionRouter(List.of(
                new ObservedProjection("todo", new TodoProjection(dataSource), telemetry),
                new ObservedProjection("employee", new EmployeeProjection(dynamo, employeesTable), telemetry)));
        return new PartialBatchProcessor(
                new TracedMessageHandler(new ProjectingMessageHandler(router, deadLetters), telemetry));
    }

    /** The JDK-based HTTP client: no Apache/Netty classes to load on a cold start. */
    public static SqsClient sqsClient() {
        return SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Same JDK-based HTTP client; endpoint from AWS_ENDPOINT_URL_DYNAMODB when set (local stack). */
    public static DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    PartialBatchProcessor batchProcessor() {
        return batchProcessor;
    }

    /** The tracer and meters (the local runner serves the meters on /actuator/prometheus). */
    public Telemetry telemetry() {
        return telemetry;
    }

    @Override
    public void close() {
        dynamo.close();
        sqs.close();
        dataSource.close();
        telemetry.close();
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return Objects.requireNonNull(value);
    }
}
