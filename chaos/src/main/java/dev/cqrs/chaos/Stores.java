package dev.cqrs.chaos;

import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The stores of the local stack, reached with the standard environment of docs/conventions.md (.local/stack.env):
 * JDBC to command_db (write model + outbox) and read_db on the primary and each replica, SNS, SQS and DynamoDB through
 * the SDK's standard settings (AWS_REGION, AWS_ENDPOINT_URL_*). Every JDBC connection is short-lived (one per check),
 * so a restarted database is simply reconnected.
 */
final class Stores implements AutoCloseable {

    /** Which read_db copy a todo_view row comes from. */
    enum ReadCopy {
        PRIMARY("PRIMARY_ROOT_URL"), REPLICA1("REPLICA1_URL"), REPLICA2("REPLICA2_URL");

        final String urlVariable;

        ReadCopy(String urlVariable) {
            this.urlVariable = urlVariable;
        }
    }

    final Map<String, String> env;
    final SnsClient sns;
    final SqsClient sqs;
    final DynamoDbClient dynamo;
    final String topicArn;
    final String employeesTable;
    final String auditTable;
    /** Bearer tokens for the APIs: the stack's test client (client credentials, every scope), renewed as they expire. */
    final ClientCredentials tokens;

    Stores(Map<String, String> env) {
        this.env = env;
        this.sns = SnsClient.create();
        this.sqs = SqsClient.create();
        this.dynamo = DynamoDbClient.create();
        this.topicArn = require("EVENTS_TOPIC_ARN");
        this.employeesTable = require("EMPLOYEES_TABLE");
        this.auditTable = require("AUDIT_TABLE");
        this.tokens = new ClientCredentials(require("AUTH_ISSUER_URI"), require("AUTH_CLIENT_ID"),
                require("AUTH_CLIENT_SECRET"), Scopes.ALL);
    }

    String require(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (source .local/stack.env)");
        }
        return value;
    }

    /** command_db as the command service's own user. */
    Connection commandDb() throws SQLException {
        return connect(require("COMMAND_DB_URL"), require("COMMAND_DB_USER"), require("COMMAND_DB_PASSWORD"));
    }

    /** read_db on the given server, as root (the replicas are read-only; root only reads here). */
    Connection readDb(ReadCopy copy) throws SQLException {
        Connection c = connect(require(copy.urlVariable) + "read_db", require("DB_ROOT_USER"),
                require("DB_ROOT_PASSWORD"));
        return c;
    }

    /** The primary as root, no default database (fault injection: locks). */
    Connection primaryRoot() throws SQLException {
        return connect(require("PRIMARY_ROOT_URL"), require("DB_ROOT_USER"), require("DB_ROOT_PASSWORD"));
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "2000"); // ms
        p.setProperty("socketTimeout", "10000"); // ms
        p.setProperty("connectionTimeZone", "UTC");
        p.setProperty("sslMode", "DISABLED");
        return DriverManager.getConnection(url, p);
    }

    String queueUrl(String nameVariable) {
        String name = require(nameVariable);
        return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
    }

    /** Visible + in-flight (+ delayed) messages of the queue named by the environment variable. */
    long queueDepth(String nameVariable) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl(nameVariable))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        long sum = 0;
        for (String v : a.values()) {
            sum += Long.parseLong(v);
        }
        return sum;
    }

    /** In-flight (received, not yet deleted or visible again) messages of the queue named by the variable. */
    long inFlight(String nameVariable) {
        return Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl(nameVariable))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /**
     * Publishes a hand-made envelope straight to the topic, as the relay would: group = aggregate id, the given
     * deduplication id, attribute eventType.
     */
    void publish(String body, String groupId, String deduplicationId, String eventType) {
        sns.publish(r -> r.topicArn(topicArn).message(body).messageGroupId(groupId)
                .messageDeduplicationId(deduplicationId)
                .messageAttributes(Map.of("eventType", MessageAttributeValue.builder().dataType("String")
                        .stringValue(eventType).build())));
    }

    static Duration since(long nanoStart) {
        return Duration.ofNanos(System.nanoTime() - nanoStart);
    }

    @Override
    public void close() {
        sns.close();
        sqs.close();
        dynamo.close();
    }
}
