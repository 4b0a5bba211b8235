package dev.cqrs.query.audit;

import dev.cqrs.query.ApiClients;
import dev.cqrs.query.StackEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration test on the local DynamoDB: audit items written as the audit worker writes them, index keys included,
 * come back by time range through the {@code byDay} index, newest first, across day buckets, a page at a time.
 * The days are picked at random far in the future, where no other test writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditRangeQueriesTest {

    private static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    RestTestClient http;
    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final String table = StackEnv.require("AUDIT_TABLE");
    private final List<Map<String, AttributeValue>> written = new ArrayList<>();
    private final LocalDate day1 = LocalDate.of(2400, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(200_000));
    private final LocalDate day2 = day1.plusDays(1);

    /** The index is provisioned by infra (never by this service or its tests); on a stack just upgraded it may lag. */
    @BeforeAll
    static void indexIsActive() {
        try (DynamoDbClient client = DynamoDbClient.create()) {
            await("GSI byDay on " + StackEnv.require("AUDIT_TABLE") + " (provisioned by infra/local)")
                    .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> client.describeTable(b -> b.tableName(StackEnv.require("AUDIT_TABLE"))).table()
                            .globalSecondaryIndexes().stream()
                            .anyMatch(index -> index.indexName().equals("byDay")
                                    && index.indexStatus() == IndexStatus.ACTIVE));
        }
    }

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
    void returnsEveryRecordInTheRangeNewestFirstAcrossDaysOnePageAtATime() throws Exception {
        Instant from = at(day1, "10:00:00Z");
        Instant to = at(day2, "10:00:00Z");
        put("todo", at(day1, "09:59:59.999999Z")); // just before from: out
        List<String> inRange = List.of(
                put("todo", from), // from is inclusive
                put("employee", at(day1, "15:00:00Z")),
                put("audit-message", at(day1, "23:59:59.999999Z")),
                put("todo", at(day2, "00:00:00Z")),
                put("employee", at(day2, "05:00:00.5Z")),
                put("todo", at(day2, "09:59:59.999999Z")));
        put("todo", to); // to is exclusive: out

        assertThat(walk(from, to, 2)).containsExactly(
                List.of(inRange.get(5), inRange.get(4)), List.of(inRange.get(3), inRange.get(2)),
                List.of(inRange.get(1), inRange.get(0)));
        // A page that spans the day boundary, and a next page that resumes in the middle of the older day.
        assertThat(walk(from, to, 4)).containsExactly(
                List.of(inRange.get(5), inRange.get(4), inRange.get(3), inRange.get(2)),
                List.of(inRange.get(1), inRange.get(0)));
        assertThat(walk(from, to, 100)).containsExactly(inRange.reversed());
    }

    @Test
    void showsEachRecordInFullAndAnEmptyRangeIsAnEmptyLastPage() throws Exception {
        String eventId = put("todo", at(day1, "12:00:00.000001Z"));

        JsonNode page = page(at(day1, "00:00:00Z"), at(day2, "00:00:00Z"), 20, null);

        assertThat(page.path("nextCursor").isString()).isFalse();
        JsonNode record = page.get("items").get(0);
        assertThat(record.get("eventId").asString()).isEqualTo(eventId);
        assertThat(record.get("eventType").asString()).isEqualTo("SomethingHappened");
        assertThat(record.get("entityType").asString()).isEqualTo("todo");
        assertThat(Instant.parse(record.get("occurredAt").asString())).isEqualTo(at(day1, "12:00:00.000001Z"));
        assertThat(record.get("payload").get("n").asInt()).isEqualTo(1);
        JsonNode empty = page(at(day2, "00:00:00Z"), at(day2.plusDays(30), "00:00:00Z"), 20, null);
        assertThat(empty.get("items").size()).isZero();
        assertThat(empty.path("nextCursor").isString()).isFalse();
    }

    @Test
    void badRangesAre400ProblemsListingEachField() throws Exception {
        String from = at(day1, "00:00:00Z").toString();
        assertThat(errorFields(range(null, null, null, null))).containsExactlyInAnyOrder("from", "to");
        assertThat(errorFields(range("yesterday", from, null, null))).containsExactly("from");
        assertThat(errorFields(range(from, from, null, null))).containsExactly("to");
        assertThat(errorFields(range(at(day2, "00:00:00Z").toString(), from, null, null))).containsExactly("to");
        assertThat(errorFields(range(from, at(day1.plusDays(31), "00:00:00.000001Z").toString(), null, null)))
                .containsExactly("to");
        assertThat(errorFields(range(null, "soon", "0", "%%%")))
                .containsExactlyInAnyOrder("from", "to", "limit", "cursor");
        assertThat(errorFields(range(from, at(day2, "00:00:00Z").toString(), "101", null))).containsExactly("limit");
        assertThat(errorFields(range(from, at(day2, "00:00:00Z").toString(), "many", null))).containsExactly("limit");
        assertThat(errorFields(range(from, at(day2, "00:00:00Z").toString(), null, "bm90LWEtY3Vyc29y")))
                .containsExactly("cursor");
        // exactly 31 days is allowed
        assertThat(range(from, at(day1.plusDays(31), "00:00:00Z").toString(), null, null).getStatus())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void boundsBeyondWhatTheAuditKeysHoldAreA400NamingBoth() throws Exception {
        EntityExchangeResult<String> response = http.get()
                .uri("/api/audit/range?from={from}&to={to}", // variables are encoded strictly: + becomes %2B
                        "+1000000000-01-01T00:00:00Z", "+1000000000-01-02T00:00:00Z")
                .exchange().returnResult(String.class);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(errorFields(response)).containsExactlyInAnyOrder("from", "to");
    }

    private List<List<String>> walk(Instant from, Instant to, int limit) throws Exception {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page(from, to, limit, cursor);
            List<String> ids = new ArrayList<>();
            page.get("items").forEach(item -> ids.add(item.get("eventId").asString()));
            pages.add(ids);
            cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
        } while (cursor != null && pages.size() < 10);
        return pages;
    }

    private JsonNode page(Instant from, Instant to, int limit, String cursor) throws Exception {
        EntityExchangeResult<String> response = range(from.toString(), to.toString(), Integer.toString(limit), cursor);
        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getResponseBody());
    }

    private EntityExchangeResult<String> range(String from, String to, String limit, String cursor) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/audit/range");
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        if (limit != null) {
            uri.queryParam("limit", limit);
        }
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        URI built = uri.encode().build().toUri();
        return http.get().uri(built).exchange().returnResult(String.class);
    }

    private static List<String> errorFields(EntityExchangeResult<String> response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.getResponseBody()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static Instant at(LocalDate day, String time) {
        return Instant.parse(day + "T" + time);
    }

    /** An item in the shape of docs/conventions.md, with the byDay index keys, as the audit worker writes it. */
    private String put(String entityType, Instant occurredAt) {
        String eventId = UUID.randomUUID().toString();
        String occurred = SORTABLE_INSTANT.format(occurredAt);
        String sortKey = occurred + "#" + eventId;
        Map<String, AttributeValue> key = Map.of(
                "pk", AttributeValue.fromS(entityType + "#" + UUID.randomUUID()),
                "sk", AttributeValue.fromS(sortKey));
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("gsi1pk", AttributeValue.fromS("DAY#" + LocalDate.ofInstant(occurredAt, ZoneOffset.UTC)));
        item.put("gsi1sk", AttributeValue.fromS(sortKey));
        item.put("eventId", AttributeValue.fromS(eventId));
        item.put("eventType", AttributeValue.fromS("SomethingHappened"));
        item.put("entityType", AttributeValue.fromS(entityType));
        item.put("entityId", AttributeValue.fromS(key.get("pk").s().substring(entityType.length() + 1)));
        item.put("occurredAt", AttributeValue.fromS(occurred));
        item.put("actor", AttributeValue.fromS("anonymous"));
        item.put("correlationId", AttributeValue.fromS(UUID.randomUUID().toString()));
        item.put("aggregateVersion", AttributeValue.fromN("1"));
        item.put("payload", AttributeValue.fromS("{\"n\":1}"));
        dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        written.add(key);
        return eventId;
    }
}
