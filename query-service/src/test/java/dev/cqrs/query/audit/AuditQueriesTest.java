package dev.cqrs.query.audit;

import dev.cqrs.query.ApiClients;
import dev.cqrs.query.StackEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test on the local DynamoDB: items written as the audit worker writes them come back newest first, a
 * page at a time. The items are put with the plain SDK client, independent of the code under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditQueriesTest {

    private static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    RestTestClient http;
    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final String table = StackEnv.require("AUDIT_TABLE");
    private final String entityId = UUID.randomUUID().toString();
    private final List<Map<String, AttributeValue>> written = new ArrayList<>();

    @BeforeEach
    void client() {
        http = ApiClients.reader(port);
    }

    @AfterEach
    void removeItems() {
        written.forEach(key -> dynamoDb.deleteItem(b -> b.tableName(table).key(key)));
        dynamoDb.close();
    }

    @Test
    void returnsTheEntitysRecordsNewestFirstOnePageAtATime() throws Exception {
        Instant first = Instant.parse("2026-11-21T19:30:00.000100Z");
        List<String> eventIds = new ArrayList<>();
        for (int version = 1; version <= 5; version++) {
            eventIds.add(put(version, first.plusMillis(version * 1500L)));
        }
        put(1, first, "employee"); // same id, other entity type: must not show up

        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        List<Integer> pageSizes = new ArrayList<>();
        do {
            EntityExchangeResult<String> response = get("/api/audit?entityType=todo&entityId=" + entityId + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
            JsonNode page = JSON.readTree(response.getResponseBody());
            pageSizes.add(page.get("items").size());
            page.get("items").forEach(items::add);
            cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(items).extracting(item -> item.get("eventId").asString())
                .containsExactlyElementsOf(eventIds.reversed());
        JsonNode newest = items.getFirst();
        assertThat(newest.get("eventType").asString()).isEqualTo("TodoUpdated");
        assertThat(newest.get("entityType").asString()).isEqualTo("todo");
        assertThat(newest.get("entityId").asString()).isEqualTo(entityId);
        assertThat(Instant.parse(newest.get("occurredAt").asString())).isEqualTo(first.plusMillis(7500));
        assertThat(newest.get("actor").asString()).isEqualTo("anonymous");
        assertThat(newest.get("correlationId").asString()).isEqualTo("corr-5");
        assertThat(newest.get("aggregateVersion").asLong()).isEqualTo(5);
        assertThat(newest.get("payload").get("title").asString()).isEqualTo("title 5");
    }

    @Test
    void anEntityWithoutRecordsIsAnEmptyLastPage() throws Exception {
        EntityExchangeResult<String> response = get("/api/audit?entityType=todo&entityId=" + entityId);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        JsonNode page = JSON.readTree(response.getResponseBody());

        assertThat(page.get("items").size()).isZero();
        assertThat(page.path("nextCursor").isString()).isFalse();
    }

    @Test
    void missingParametersOrABadCursorAreA400Problem() throws Exception {
        for (String query : List.of("", "entityType=todo", "entityId=" + entityId, "entityType=&entityId=x",
                "entityType=todo&entityId=x&cursor=%25%25", "entityType=todo&entityId=x&limit=0")) {
            EntityExchangeResult<String> response = get("/api/audit?" + query);

            assertThat(response.getStatus()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getResponseHeaders().getContentType()).as(query)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = JSON.readTree(response.getResponseBody());
            assertThat(problem.get("status").asInt()).as(query).isEqualTo(400);
            assertThat(problem.get("detail").asString()).as(query).isNotBlank();
        }
    }

    @Test
    void aCursorWhoseKeyIsLongerThanDynamoDbAllowsIsA400NamingTheCursor() throws Exception {
        String sortKey = "2026-11-21T19:30:00.123456Z#" + "x".repeat(1100);
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));

        EntityExchangeResult<String> response = get("/api/audit?entityType=todo&entityId=" + entityId
                + "&cursor=" + cursor);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(response.getResponseBody());
        assertThat(problem.get("errors").size()).isEqualTo(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    private String put(int version, Instant occurredAt) {
        return put(version, occurredAt, "todo");
    }

    /** An item in the shape of docs/conventions.md, as the audit worker writes it. */
    private String put(int version, Instant occurredAt, String entityType) {
        String eventId = UUID.randomUUID().toString();
        String occurred = SORTABLE_INSTANT.format(occurredAt);
        Map<String, AttributeValue> key = Map.of(
                "pk", AttributeValue.fromS(entityType + "#" + entityId),
                "sk", AttributeValue.fromS(occurred + "#" + eventId));
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put("eventId", AttributeValue.fromS(eventId));
        item.put("eventType", AttributeValue.fromS(version == 1 ? "TodoCreated" : "TodoUpdated"));
        item.put("entityType", AttributeValue.fromS(entityType));
        item.put("entityId", AttributeValue.fromS(entityId));
        item.put("occurredAt", AttributeValue.fromS(occurred));
        item.put("actor", AttributeValue.fromS("anonymous"));
        item.put("correlationId", AttributeValue.fromS("corr-" + version));
        item.put("aggregateVersion", AttributeValue.fromN(Integer.toString(version)));
        item.put("payload", AttributeValue.fromS("{\"title\":\"title " + version + "\"}"));
        dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        written.add(key);
        return eventId;
    }

    private EntityExchangeResult<String> get(String uri) {
        return http.get().uri(uri).exchange().returnResult(String.class);
    }
}
