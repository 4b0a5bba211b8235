package dev.cqrs.audit.record;

import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.UnsupportedEventException;
import dev.cqrs.contracts.audit.AuditMessageRecorded;
import dev.cqrs.contracts.store.AuditItemFormat;
import dev.cqrs.contracts.todo.TodoCompleted;
import dev.cqrs.contracts.todo.TodoCreated;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Runs the worker against the local stack (fauxqs SQS, dynalite; see infra/local/stack env). Other modules'
 * tests publish events that reach the audit queue too, so every assertion is about this test's own ids only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditWorkerIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final SqsClient sqs = SqsClient.create();
    private static final DynamoDbClient dynamoDb = DynamoDbClient.create();

    @Autowired
    AuditWorkerProperties names;

    @Autowired
    AuditQueueListener listener;

    @LocalServerPort
    int port;

    @AfterAll
    static void closeClients() {
        sqs.close();
        dynamoDb.close();
    }

    @Test
    void recordsOneItemPerEventInTheConventionalShape() {
        Instant at = Instant.parse("2026-11-21T19:30:00.5Z");
        EventEnvelope event = EventEnvelope.wrap(
                new TodoCreated(UUID.randomUUID().toString(), "Buy milk", "two litres", at), 1, at, "corr-" + UUID.randomUUID(), "alice");

        send(EventJson.write(event), event.aggregateId(), event.eventId().toString());

        String pk = "todo#" + event.aggregateId();
        List<Map<String, AttributeValue>> items = awaitItems(pk, 1);
        assertThat(items).hasSize(1);
        Map<String, AttributeValue> item = items.getFirst();
        assertThat(item.get("pk").s()).isEqualTo(pk);
        assertThat(item.get("sk").s()).isEqualTo("2026-11-21T19:30:00.500000Z#" + event.eventId());
        assertThat(item.get("eventId").s()).isEqualTo(event.eventId().toString());
        assertThat(item.get("eventType").s()).isEqualTo("TodoCreated");
        assertThat(item.get("entityType").s()).isEqualTo("todo");
        assertThat(item.get("entityId").s()).isEqualTo(event.aggregateId());
        assertThat(item.get("occurredAt").s()).isEqualTo("2026-11-21T19:30:00.500000Z");
        assertThat(item.get("actor").s()).isEqualTo("alice");
        assertThat(item.get("correlationId").s()).isEqualTo(event.correlationId());
        assertThat(item.get("aggregateVersion").n()).isEqualTo("1");
        ObjectNode payload = EventJson.tree(item.get("payload").s());
        assertThat(payload.path("todoId").asString()).isEqualTo(event.aggregateId());
        assertThat(payload.path("title").asString()).isEqualTo("Buy milk");
        assertThat(payload.path("description").asString()).isEqualTo("two litres");
    }

    /**
     * The time-range index on the real table: an item is found by a Query on {@value AuditItemFormat#DAY_INDEX} for its
     * UTC day (narrowed to a few microseconds around it, since other tests write into today's bucket too), and an
     * event one microsecond later, past midnight, is in the next day's bucket only.
     */
    @Test
    void eachItemIsFoundOnTheDayIndexForItsUtcDay() {
        Instant lastMicroOfDay = Instant.parse("2026-11-21T23:59:59.999999Z");
        String todoId = UUID.randomUUID().toString();
        EventEnvelope late = EventEnvelope.wrap(new TodoCreated(todoId, "late", null, lastMicroOfDay), 1,
                lastMicroOfDay, "corr-" + UUID.randomUUID(), "tester");
        Instant midnight = lastMicroOfDay.plusNanos(1_000);
        EventEnvelope next = EventEnvelope.wrap(new TodoCompleted(todoId, midnight), 2, midnight,
                "corr-" + UUID.randomUUID(), "tester");
        send(EventJson.write(late), todoId, late.eventId().toString());
        send(EventJson.write(next), todoId, next.eventId().toString());

        List<Map<String, AttributeValue>> items = awaitItems("todo#" + todoId, 2);
        Map<String, AttributeValue> lateItem = itemOf(items, late);
        assertThat(lateItem.get("gsi1pk").s()).isEqualTo("DAY#2026-11-21");
        assertThat(lateItem.get("gsi1sk").s()).isEqualTo(lateItem.get("sk").s());
        Map<String, AttributeValue> nextItem = itemOf(items, next);
        assertThat(nextItem.get("gsi1pk").s()).isEqualTo("DAY#2026-11-22");
        assertThat(nextItem.get("gsi1sk").s()).isEqualTo(nextItem.get("sk").s());

        Instant from = lastMicroOfDay.minusSeconds(1);
        Instant to = midnight.plusSeconds(1);
        List<Map<String, AttributeValue>> onThe21st = awaitOnDayIndex("DAY#2026-11-21", from, to, late);
        List<Map<String, AttributeValue>> onThe22nd = awaitOnDayIndex("DAY#2026-11-22", from, to, next);

        assertThat(onThe21st).filteredOn(item -> item.get("eventId").s().equals(late.eventId().toString()))
                .containsExactly(lateItem);
        assertThat(onThe21st).extracting(item -> item.get("eventId").s()).doesNotContain(next.eventId().toString());
        assertThat(onThe22nd).filteredOn(item -> item.get("eventId").s().equals(next.eventId().toString()))
                .containsExactly(nextItem);
        assertThat(onThe22nd).extracting(item -> item.get("eventId").s()).doesNotContain(late.eventId().toString());
    }

    /**
     * A free audit message from a client: recorded about the message (entity type audit-message, id = message id),
     * attributed to the user it names rather than to the envelope's actor, with the message in the payload, and
     * append-only like every item: a redelivery with another text changes nothing.
     */
    @Test
    void anAuditMessageBecomesAnItemAttributedToItsUserAndIsNeverRewritten() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String messageId = UUID.randomUUID().toString();
        String userId = "user-" + UUID.randomUUID();
        EventEnvelope event = EventEnvelope.wrap(new AuditMessageRecorded(messageId, userId, "opened the vault", at),
                1, at, "corr-" + UUID.randomUUID(), "anonymous");
        String body = EventJson.write(event);
        send(body, messageId, event.eventId().toString());

        String pk = "audit-message#" + messageId;
        Map<String, AttributeValue> item = awaitItems(pk, 1).getFirst();
        assertThat(item.get("entityType").s()).isEqualTo("audit-message");
        assertThat(item.get("entityId").s()).isEqualTo(messageId);
        assertThat(item.get("actor").s()).isEqualTo(userId);
        assertThat(item.get("eventType").s()).isEqualTo("AuditMessageRecorded");
        assertThat(item.get("gsi1pk").s()).isEqualTo("DAY#" + LocalDate.ofInstant(at, ZoneOffset.UTC));
        ObjectNode payload = EventJson.tree(item.get("payload").s());
        assertThat(payload.path("message").asString()).isEqualTo("opened the vault");
        assertThat(payload.path("userId").asString()).isEqualTo(userId);
        assertThat(awaitOnDayIndex(item.get("gsi1pk").s(), at, at, event))
                .filteredOn(found -> found.get("pk").s().equals(pk)).containsExactly(item);

        ObjectNode altered = EventJson.tree(body);
        ((ObjectNode) altered.get("payload")).put("message", "nothing happened");
        ((ObjectNode) altered.get("payload")).put("userId", "mallory");
        send(altered.toString(), messageId, UUID.randomUUID().toString());
        // sent last in the same message group: once it is recorded, the redelivery before it has been handled
        String laterId = UUID.randomUUID().toString();
        EventEnvelope later = EventEnvelope.wrap(new AuditMessageRecorded(laterId, userId, "closed the vault", at),
                1, at, "corr-" + UUID.randomUUID(), "anonymous");
        send(EventJson.write(later), messageId, later.eventId().toString());
        awaitItems("audit-message#" + laterId, 1);

        assertThat(items(pk)).containsExactly(item);
    }

    /**
     * SQS delivers at least once: the same event can arrive again, past FIFO deduplication. A later event of the same
     * aggregate is sent last; FIFO order within the group means that once it is recorded, the redeliveries before it
     * have been handled.
     */
    @Test
    void aRedeliveredEventNeitherAddsNorOverwritesAnItem() {
        String todoId = UUID.randomUUID().toString();
        EventEnvelope event = todoCreated(todoId, 1);
        String body = EventJson.write(event);
        send(body, todoId, event.eventId().toString());
        String pk = "todo#" + todoId;
        Map<String, AttributeValue> original = awaitItems(pk, 1).getFirst();

        send(body, todoId, UUID.randomUUID().toString());
        ObjectNode altered = EventJson.tree(body);
        altered.put("actor", "mallory");
        ((ObjectNode) altered.get("payload")).put("title", "rewritten");
        send(altered.toString(), todoId, UUID.randomUUID().toString());
        EventEnvelope later = todoCreated(todoId, 2);
        send(EventJson.write(later), todoId, later.eventId().toString());

        List<Map<String, AttributeValue>> items = awaitItems(pk, 2);
        assertThat(items).extracting(item -> item.get("eventId").s())
                .containsExactlyInAnyOrder(event.eventId().toString(), later.eventId().toString());
        assertThat(items).filteredOn(item -> item.get("eventId").s().equals(event.eventId().toString()))
                .containsExactly(original);
        assertThat(original.get("actor").s()).isEqualTo("tester");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterQueueWithAReasonAndTheWorkerGoesOn() {
        String notJsonId = send("not json", UUID.randomUUID().toString(), UUID.randomUUID().toString());
        EventEnvelope template = todoCreated(UUID.randomUUID().toString(), 1);
        ObjectNode noEventId = EventJson.tree(EventJson.write(template));
        noEventId.remove("eventId");
        String unknownTypeId = send(noEventId.toString(), template.aggregateId(), template.eventId().toString());

        EventEnvelope afterwards = todoCreated(UUID.randomUUID().toString(), 1);
        send(EventJson.write(afterwards), afterwards.aggregateId(), afterwards.eventId().toString());
        assertThat(awaitItems("todo#" + afterwards.aggregateId(), 1)).hasSize(1);

        Map<String, Message> parked = awaitDeadLetters(List.of(notJsonId, unknownTypeId));
        Message notJson = parked.get(notJsonId);
        assertThat(notJson.body()).isEqualTo("not json");
        assertThat(attribute(notJson, "reason")).contains("not JSON");
        assertThat(attribute(notJson, "sourceQueue")).isEqualTo(names.queue());
        Message unknown = parked.get(unknownTypeId);
        assertThat(unknown.body()).isEqualTo(noEventId.toString());
        assertThat(attribute(unknown, "reason")).contains("missing field 'eventId'");
        assertThat(attribute(unknown, "sourceQueue")).isEqualTo(names.queue());
        assertThat(unknown.attributesAsStrings()).containsEntry("MessageGroupId", template.aggregateId());
        assertThat(items("todo#" + template.aggregateId())).isEmpty();
    }

    /** Newer than this build is not poison: the listener does not return (no acknowledgement), nothing is parked. */
    @Test
    void anEventOfATypeThisBuildDoesNotKnowIsNotAcknowledgedSoItWaitsForTheUpgrade() {
        EventEnvelope template = todoCreated(UUID.randomUUID().toString(), 1);
        ObjectNode newer = EventJson.tree(EventJson.write(template)).put("eventType", "TodoTeleported");
        Message message = Message.builder().messageId(UUID.randomUUID().toString()).body(newer.toString())
                .attributesWithStrings(Map.of("MessageGroupId", template.aggregateId())).build();

        assertThatThrownBy(() -> listener.onMessage(message)).isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("unknown eventType 'TodoTeleported'");
        assertThat(items("todo#" + template.aggregateId())).isEmpty();
    }

    /**
     * A sender's {@code JavaType} attribute must not make the framework deserialize the body into some class before
     * the listener (and its DLQ handling) runs. Spring Cloud AWS's @SqsListener endpoints switch that mapping off;
     * this guards it, since the body is read only by EventJson.
     */
    @Test
    void aJavaTypeMessageAttributeDoesNotChangeHowTheBodyIsRead() {
        EventEnvelope event = todoCreated(UUID.randomUUID().toString(), 1);

        sqs.sendMessage(request -> request
                .queueUrl(queueUrl(names.queue()))
                .messageBody(EventJson.write(event))
                .messageGroupId(event.aggregateId())
                .messageDeduplicationId(event.eventId().toString())
                .messageAttributes(Map.of("JavaType", MessageAttributeValue.builder()
                        .dataType("String").stringValue("com.example.NoSuchClass").build())));

        assertThat(awaitItems("todo#" + event.aggregateId(), 1)).hasSize(1);
    }

    @Test
    void reportsHealthOverActuatorOnly() {
        RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();

        ResponseEntity<String> health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(EventJson.tree(health.getBody()).path("status").asString()).isEqualTo("UP");
        int envStatus = http.get().uri("/actuator/env").exchange((request, response) -> response.getStatusCode().value());
        assertThat(envStatus).isEqualTo(404);
    }

    private static EventEnvelope todoCreated(String todoId, long version) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return EventEnvelope.wrap(new TodoCreated(todoId, "title v" + version, null, at), version, at,
                UUID.randomUUID().toString(), "tester");
    }

    /** Sends like SNS raw delivery to a FIFO queue would; returns the SQS message id. */
    private String send(String body, String groupId, String deduplicationId) {
        return sqs.sendMessage(request -> request
                        .queueUrl(queueUrl(names.queue()))
                        .messageBody(body)
                        .messageGroupId(groupId)
                        .messageDeduplicationId(deduplicationId))
                .messageId();
    }

    private static String queueUrl(String name) {
        return sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
    }

    private List<Map<String, AttributeValue>> items(String pk) {
        return dynamoDb.query(request -> request
                        .tableName(names.table())
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                        .consistentRead(true))
                .items();
    }

    private static Map<String, AttributeValue> itemOf(List<Map<String, AttributeValue>> items, EventEnvelope event) {
        return items.stream().filter(item -> item.get("eventId").s().equals(event.eventId().toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no item for event " + event.eventId()));
    }

    /**
     * The day bucket's items between two instants, through the index, as the query side reads a time range. Index
     * reads are eventually consistent, so this polls until the wanted event shows up.
     */
    private List<Map<String, AttributeValue>> awaitOnDayIndex(String day, Instant from, Instant to, EventEnvelope wanted) {
        return await().atMost(DEADLINE).until(
                () -> {
                    List<Map<String, AttributeValue>> found = new ArrayList<>();
                    Map<String, AttributeValue> start = null;
                    do { // all pages: other tests' items may share the bucket
                        QueryResponse page = dynamoDb.query(request(day, from, to, start));
                        found.addAll(page.items());
                        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                                ? page.lastEvaluatedKey() : null;
                    } while (start != null);
                    return found;
                },
                found -> found.stream().anyMatch(item -> item.get("eventId").s().equals(wanted.eventId().toString())));
    }

    private QueryRequest request(String day, Instant from, Instant to, Map<String, AttributeValue> start) {
        return QueryRequest.builder()
                .tableName(names.table())
                .indexName(AuditItemFormat.DAY_INDEX)
                .keyConditionExpression("gsi1pk = :day AND gsi1sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":day", AttributeValue.fromS(day),
                        // the lowest key at "from" and past the highest at "to" ('~' sorts after any id character)
                        ":from", AttributeValue.fromS(AuditItemFormat.timestamp(from)),
                        ":to", AttributeValue.fromS(AuditItemFormat.timestamp(to) + "~")))
                .exclusiveStartKey(start)
                .build();
    }

    /** Waits until the entity has at least {@code count} items, then returns all of them. */
    private List<Map<String, AttributeValue>> awaitItems(String pk, int count) {
        return await().atMost(DEADLINE).until(() -> items(pk), items -> items.size() >= count);
    }

    /**
     * Receives from the DLQ until every wanted original message id turned up, deleting those. Other messages stay
     * for a short visibility only, so they reappear for whoever wants them.
     */
    private Map<String, Message> awaitDeadLetters(List<String> originalMessageIds) {
        String dlqUrl = queueUrl(names.deadLetterQueue());
        Map<String, Message> found = new HashMap<>();
        await().atMost(DEADLINE).until(() -> {
            for (Message message : sqs.receiveMessage(request -> request
                    .queueUrl(dlqUrl)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .visibilityTimeout(5)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNamesWithStrings("All")).messages()) {
                String originalId = attribute(message, "originalMessageId");
                if (originalId != null && originalMessageIds.contains(originalId)) {
                    found.put(originalId, message);
                    sqs.deleteMessage(request -> request.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
                }
            }
            return found.keySet().containsAll(originalMessageIds);
        });
        return found;
    }

    private static String attribute(Message message, String name) {
        MessageAttributeValue value = message.messageAttributes().get(name);
        return value == null ? null : value.stringValue();
    }
}
