package dev.cqrs.e2e;

import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;
import dev.cqrs.contracts.store.AuditItemFormat;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running system as the end-to-end tests see it: the two HTTP APIs, plus the stores behind them to check what
 * really happened. Every address comes from the local stack's environment ({@link StackEnv}).
 */
final class SystemUnderTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * The local stack's test client (client credentials at the auth-server, every scope): its token goes with every
     * request unless the test sends its own Authorization header. Its subject is {@code AUTH_CLIENT_ID}.
     */
    static final ClientCredentials TEST_CLIENT = ClientCredentials.fromEnvironment(Scopes.ALL);
    static final SqsClient SQS = SqsClient.create();
    static final DynamoDbClient DYNAMO = DynamoDbClient.create();

    private SystemUnderTest() {
    }

    /**
     * Base URL of the command API for API calls: the validating proxy in front of it when
     * {@code COMMAND_API_PROXY_URL} is set (bin/test, {@code bin/contract-proxy env}), else the service itself
     * ({@code COMMAND_API_URL}). Calls that are not part of the documented API (actuator) use {@code COMMAND_API_URL}.
     */
    static String commandApi() {
        return StackEnv.optional("COMMAND_API_PROXY_URL").orElseGet(() -> StackEnv.require("COMMAND_API_URL"));
    }

    /** Base URL of the query API for API calls: its validating proxy when {@code QUERY_API_PROXY_URL} is set. */
    static String queryApi() {
        return StackEnv.optional("QUERY_API_PROXY_URL").orElseGet(() -> StackEnv.require("QUERY_API_URL"));
    }

    static HttpResponse<String> postJson(String url, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> get(String url, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Any command: method, path on the command service, JSON body (or null), extra headers. */
    static HttpResponse<String> command(String method, String path, String json, String... headers) throws Exception {
        return commandAt(commandApi(), method, path, json, headers);
    }

    /** A command sent to {@code baseUrl}: the service itself, for what a validating proxy would answer in its place. */
    static HttpResponse<String> commandAt(String baseUrl, String method, String path, String json, String... headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * Sends the request with the test client's bearer token, unless it has an Authorization header already. A
     * response through a validating proxy that broke the service's OpenAPI document (Prism marks it with the
     * {@code sl-violations} header, and with --errors replaces it by a 500 problem of type {@link #PRISM_VIOLATIONS})
     * fails the calling test at once with the violations, whatever status the test expected.
     */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.copy().build();
        if (built.headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", TEST_CLIENT.authorization());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        var violations = response.headers().firstValue("sl-violations");
        if (FAIL_ON_VIOLATIONS && (violations.isPresent() || response.body().contains(PRISM_VIOLATIONS))) {
            throw new AssertionError("the response to " + built.method() + " " + built.uri() + " (" + response.statusCode()
                    + ") breaks the service's OpenAPI document: " + violations.orElse(response.body()));
        }
        return response;
    }

    /**
     * Off only in the proxies' report mode ({@code CONTRACT_PROXY_ERRORS=false}, see bin/contract-proxy), where the
     * violations are counted from the proxies' logs over a whole run instead.
     */
    private static final boolean FAIL_ON_VIOLATIONS = !"false".equals(System.getenv("CONTRACT_PROXY_ERRORS"));

    /** The problem type Prism answers with when a response breaks the document and the proxy runs with --errors. */
    static final String PRISM_VIOLATIONS = "https://stoplight.io/prism/errors#VIOLATIONS";

    static HttpResponse<String> query(String path, String... headers) throws Exception {
        return get(queryApi() + path, headers);
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    /** Rows in the command side's store, for "nothing was written" checks. */
    static long countOnPrimary(String sql, String param) throws SQLException {
        try (Connection c = primary(); var st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static ObjectNode json(HttpResponse<String> response) {
        return EventJson.tree(response.body());
    }

    static Connection primary() throws SQLException {
        return DriverManager.getConnection(StackEnv.require("PRIMARY_ROOT_URL"), StackEnv.require("DB_ROOT_USER"), StackEnv.require("DB_ROOT_PASSWORD"));
    }

    /** The read-model row as stored on the primary, every column, for before/after comparisons. */
    static Map<String, Object> todoViewRow(String id) throws SQLException {
        try (Connection c = primary(); var st = c.prepareStatement("SELECT * FROM read_db.todo_view WHERE id = ?")) {
            st.setString(1, id);
            try (var rs = st.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                }
                return row;
            }
        }
    }

    static String outboxBody(String aggregateId) throws SQLException {
        try (Connection c = primary(); var st = c.prepareStatement(
                "SELECT body FROM command_db.outbox WHERE aggregate_id = ? ORDER BY id LIMIT 1")) {
            st.setString(1, aggregateId);
            try (var rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no outbox row for " + aggregateId);
                }
                return rs.getString(1);
            }
        }
    }

    /** Every audit item of one entity, straight from DynamoDB (a Query on the partition key). */
    static List<Map<String, AttributeValue>> auditItems(String entityType, String entityId) {
        return DYNAMO.query(q -> q.tableName(StackEnv.require("AUDIT_TABLE"))
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", AuditItemFormat.PK))
                .expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(AuditItemFormat.partitionKey(entityType, entityId))))
                .consistentRead(true)).items();
    }

    static String queueUrl(String nameEnv) {
        return SQS.getQueueUrl(b -> b.queueName(StackEnv.require(nameEnv))).queueUrl();
    }

    /** Messages visible or in flight: zero means every message so far was consumed and deleted. */
    static long messagesOn(String queueUrl) {
        Map<QueueAttributeName, String> attributes = SQS.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }
}
