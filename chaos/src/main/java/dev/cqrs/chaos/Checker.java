package dev.cqrs.chaos;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The convergence checker: compares, row for row, the write model and outbox of one scenario (its events are the
 * outbox rows above a start id whose correlation id starts with the scenario's tag) with every store fed from them.
 *
 * <ul>
 *   <li>every committed outbox event is published, or parked and listed by {@code GET /api/outbox/parked};</li>
 *   <li>{@code read_db.todo_view} on the primary AND on each replica vs {@code command_db.todo} (title, description,
 *       completed, version; a todo absent from command_db whose last outbox event is TodoDeleted must be a tombstone
 *       with that version);</li>
 *   <li>each employee item in DynamoDB vs {@code command_db.employee} (name, email, job title, manager, hire date,
 *       last working date = state, version, reportsTo only while active with a manager) and the byManager index of
 *       every manager concerned vs the active employees with that manager in command_db;</li>
 *   <li>exactly one audit item per outbox event (Query by pk = "&lt;aggregateType&gt;#&lt;aggregateId&gt;", items
 *       counted per eventId).</li>
 * </ul>
 * Counting: <b>lost</b> = an outbox event neither published nor parked + an event without audit item + a read-model
 * row (per copy) missing or behind the write model; <b>applied twice</b> = an eventId with more than one audit item + a
 * read-model row ahead of the write model; <b>diverged</b> = a read-model row at the write model's version with other
 * field values, or whose last_event_id is not the outbox event of that version, + a byManager index entry missing or
 * extra + an audit item under one of the scenario's keys whose eventId is no committed event.
 */
final class Checker {

    /** One outbox row of the scenario. */
    record OutboxEvent(long id, String eventId, String eventType, String aggregateType, String aggregateId,
                       long aggregateVersion, boolean published, boolean parked) {
    }

    /** Result of one check; {@code problems} holds the first differences found, for the log. */
    record Result(int committed, int lost, int twice, int diverged, int parkedOutbox, int unpublished,
                  List<String> problems) {
        boolean clean() {
            return lost == 0 && twice == 0 && diverged == 0 && unpublished == 0;
        }
    }

    private static final int MAX_PROBLEMS = 20;

    /**
     * Visibility timeout of the peeking receives, seconds. Peeked messages are never handed back with
     * ChangeMessageVisibility(0): fauxqs 2.4.1 answers that call with a 500 (its SQLite update violates a NOT NULL
     * constraint) after it has already dropped the message from its in-memory queue, which strands the message until
     * fauxqs restarts and keeps its FIFO group locked. Peeked messages are left to reappear when this runs out.
     */
    private static final int PEEK_VISIBILITY_SECONDS = 10;

    /** Queue URL → System.nanoTime() when the messages this checker last hid there are visible again. */
    private final Map<String, Long> hiddenUntil = new java.util.concurrent.ConcurrentHashMap<>();

    private final Stores stores;
    private final HttpClient http;
    private final String commandApi;

    Checker(Stores stores, HttpClient http, String commandApi) {
        this.stores = stores;
        this.http = http;
        this.commandApi = commandApi;
    }

    /** The highest outbox id now: a scenario's events are above it. */
    long outboxHighWater() throws SQLException {
        try (Connection c = stores.commandDb(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(MAX(id), 0) FROM outbox"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The scenario's outbox rows, in commit (id) order. */
    List<OutboxEvent> events(long afterId, String tag) throws SQLException {
        List<OutboxEvent> events = new ArrayList<>();
        try (Connection c = stores.commandDb(); PreparedStatement s = c.prepareStatement("""
                SELECT id, event_id, event_type, aggregate_type, aggregate_id, aggregate_version,
                       published_at IS NOT NULL, parked_at IS NOT NULL
                FROM outbox WHERE id > ? AND body LIKE ? ORDER BY id""")) {
            s.setLong(1, afterId);
            s.setString(2, "%\"correlationId\":\"" + tag + "-%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new OutboxEvent(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getLong(6), r.getBoolean(7), r.getBoolean(8)));
                }
            }
        }
        return events;
    }

    /** The full outbox body of an event (to replay or tamper with it). */
    String body(String eventId) throws SQLException {
        try (Connection c = stores.commandDb();
             PreparedStatement s = c.prepareStatement("SELECT body FROM outbox WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** Runs every comparison once. */
    Result check(long afterId, String tag) throws Exception {
        List<OutboxEvent> events = events(afterId, tag);
        List<String> problems = new ArrayList<>();
        Consumer<String> problem = p -> {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            }
        };
        int[] lost = {0};
        int[] twice = {0};
        int[] diverged = {0};

        // 1. outbox: published, or parked and listed
        int unpublished = 0;
        int parked = 0;
        Set<String> listedParked = null;
        for (OutboxEvent e : events) {
            if (e.parked()) {
                parked++;
                if (listedParked == null) {
                    listedParked = parkedListing();
                }
                if (!listedParked.contains(e.eventId())) {
                    lost[0]++;
                    problem.accept("outbox " + e.eventId() + " parked but not listed by /api/outbox/parked");
                }
            } else if (!e.published()) {
                unpublished++;
                problem.accept("outbox " + e.eventId() + " (" + e.eventType() + ") not published yet");
            }
        }

        // 2. todos, on the primary and each replica
        Map<String, Long> lastTodoVersion = new TreeMap<>();
        Map<String, String> lastTodoType = new HashMap<>();
        Map<String, String> lastTodoEvent = new HashMap<>();
        for (OutboxEvent e : events) {
            if (e.aggregateType().equals("todo") && e.aggregateVersion() >= lastTodoVersion.getOrDefault(e.aggregateId(), 0L)) {
                lastTodoVersion.put(e.aggregateId(), e.aggregateVersion());
                lastTodoType.put(e.aggregateId(), e.eventType());
                lastTodoEvent.put(e.aggregateId(), e.eventId());
            }
        }
        if (!lastTodoVersion.isEmpty()) {
            Map<String, List<Object>> expected = new HashMap<>();
            try (Connection c = stores.commandDb(); PreparedStatement s = c.prepareStatement(
                    "SELECT id, title, description, completed, version FROM todo WHERE id IN (" + marks(lastTodoVersion.size()) + ")")) {
                bind(s, lastTodoVersion.keySet());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        expected.put(r.getString(1), List.of(r.getString(2), Objects.toString(r.getString(3)),
                                r.getBoolean(4), false, r.getLong(5)));
                    }
                }
            }
            for (Map.Entry<String, Long> t : lastTodoVersion.entrySet()) {
                if (!expected.containsKey(t.getKey())) {
                    if (!"TodoDeleted".equals(lastTodoType.get(t.getKey()))) {
                        diverged[0]++;
                        problem.accept("todo " + t.getKey() + " absent from command_db but its last event is "
                                + lastTodoType.get(t.getKey()));
                    }
                    expected.put(t.getKey(), java.util.Arrays.asList(null, null, null, true, t.getValue()));
                }
            }
            for (Stores.ReadCopy copy : Stores.ReadCopy.values()) {
                Map<String, List<Object>> actual = new HashMap<>();
                Map<String, String> lastApplied = new HashMap<>();
                try (Connection c = stores.readDb(copy); PreparedStatement s = c.prepareStatement(
                        "SELECT id, title, description, completed, deleted, version, last_event_id FROM todo_view "
                                + "WHERE id IN (" + marks(lastTodoVersion.size()) + ")")) {
                    bind(s, lastTodoVersion.keySet());
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            actual.put(r.getString(1), List.of(r.getString(2), Objects.toString(r.getString(3)),
                                    r.getBoolean(4), r.getBoolean(5), r.getLong(6)));
                            lastApplied.put(r.getString(1), r.getString(7));
                        }
                    }
                } catch (SQLException down) {
                    // a copy that cannot be read counts every row as behind until it is back
                    lost[0] += lastTodoVersion.size();
                    problem.accept(copy + " unreadable: " + down.getMessage());
                    continue;
                }
                for (Map.Entry<String, List<Object>> want : expected.entrySet()) {
                    List<Object> have = actual.get(want.getKey());
                    long wantVersion = (Long) want.getValue().get(4);
                    if (have == null) {
                        lost[0]++;
                        problem.accept(copy + " todo " + want.getKey() + " missing (write model v" + wantVersion + ")");
                        continue;
                    }
                    long haveVersion = (Long) have.get(4);
                    if (haveVersion < wantVersion) {
                        lost[0]++;
                        problem.accept(copy + " todo " + want.getKey() + " v" + haveVersion + " behind v" + wantVersion);
                    } else if (haveVersion > wantVersion) {
                        twice[0]++;
                        problem.accept(copy + " todo " + want.getKey() + " v" + haveVersion + " AHEAD of v" + wantVersion);
                    } else {
                        boolean tombstone = (Boolean) want.getValue().get(3);
                        boolean same = tombstone ? Boolean.TRUE.equals(have.get(3)) : have.equals(want.getValue());
                        if (!same) {
                            diverged[0]++;
                            problem.accept(copy + " todo " + want.getKey() + " v" + wantVersion + " differs: "
                                    + have + " vs " + want.getValue());
                        } else if (!lastTodoEvent.get(want.getKey()).equals(lastApplied.get(want.getKey()))) {
                            // the row's last applied event must be exactly the outbox's event of that version
                            diverged[0]++;
                            problem.accept(copy + " todo " + want.getKey() + " v" + wantVersion + " last_event_id "
                                    + lastApplied.get(want.getKey()) + " is not the outbox's "
                                    + lastTodoEvent.get(want.getKey()));
                        }
                    }
                }
            }
        }

        // 3. employees in DynamoDB
        Set<String> codes = events.stream().filter(e -> e.aggregateType().equals("employee"))
                .map(OutboxEvent::aggregateId).collect(Collectors.toCollection(TreeSet::new));
        if (!codes.isEmpty()) {
            Map<String, Map<String, String>> writeModel = new HashMap<>();
            try (Connection c = stores.commandDb(); PreparedStatement s = c.prepareStatement("""
                    SELECT code, name, email, job_title, manager_code, hire_date, last_working_date, version
                    FROM employee WHERE code IN (""" + marks(codes.size()) + ")")) {
                bind(s, codes);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        row.put("name", r.getString(2));
                        row.put("email", r.getString(3));
                        row.put("jobTitle", r.getString(4));
                        row.put("managerCode", r.getString(5));
                        row.put("hireDate", Objects.toString(r.getDate(6).toLocalDate()));
                        row.put("lastWorkingDate", r.getDate(7) == null ? null : r.getDate(7).toLocalDate().toString());
                        row.put("reportsTo", r.getDate(7) == null ? r.getString(5) : null);
                        row.put("version", Long.toString(r.getLong(8)));
                        writeModel.put(r.getString(1), row);
                    }
                }
            }
            Set<String> managersConcerned = new TreeSet<>();
            for (String code : codes) {
                Map<String, String> want = writeModel.get(code);
                if (want == null) {
                    diverged[0]++;
                    problem.accept("employee " + code + " has events but no command_db row");
                    continue;
                }
                managersConcerned.add(code);
                if (want.get("managerCode") != null) {
                    managersConcerned.add(want.get("managerCode"));
                }
                Map<String, AttributeValue> item = stores.dynamo.getItem(r -> r.tableName(stores.employeesTable)
                        .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(code), "sk",
                                AttributeValue.fromS(code)))).item();
                if (item == null || item.isEmpty()) {
                    lost[0]++;
                    problem.accept("employee " + code + " missing in DynamoDB (write model v" + want.get("version") + ")");
                    continue;
                }
                long wantVersion = Long.parseLong(want.get("version"));
                long haveVersion = Long.parseLong(item.get("version").n());
                if (haveVersion < wantVersion) {
                    lost[0]++;
                    problem.accept("employee " + code + " v" + haveVersion + " behind v" + wantVersion);
                } else if (haveVersion > wantVersion) {
                    twice[0]++;
                    problem.accept("employee " + code + " v" + haveVersion + " AHEAD of v" + wantVersion);
                } else {
                    Map<String, String> have = new LinkedHashMap<>();
                    for (String attribute : want.keySet()) {
                        AttributeValue v = item.get(attribute);
                        have.put(attribute, v == null ? null : v.n() != null ? v.n() : v.s());
                    }
                    if (!have.equals(want)) {
                        diverged[0]++;
                        problem.accept("employee " + code + " v" + wantVersion + " differs: " + have + " vs " + want);
                    }
                }
            }
            // byManager: the sparse index vs the active employees with that manager
            for (String manager : managersConcerned) {
                Set<String> want = new TreeSet<>();
                try (Connection c = stores.commandDb(); PreparedStatement s = c.prepareStatement(
                        "SELECT code FROM employee WHERE manager_code = ? AND last_working_date IS NULL")) {
                    s.setString(1, manager);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            want.add(r.getString(1));
                        }
                    }
                }
                Set<String> have = new TreeSet<>();
                Map<String, AttributeValue> start = null;
                for (int page = 0; page < 100; page++) {
                    QueryRequest.Builder q = QueryRequest.builder().tableName(stores.employeesTable).indexName("byManager")
                            .keyConditionExpression("reportsTo = :m")
                            .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(manager)));
                    if (start != null) {
                        q.exclusiveStartKey(start);
                    }
                    QueryResponse response = stores.dynamo.query(q.build());
                    response.items().forEach(i -> have.add(i.get("code").s()));
                    start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                            ? response.lastEvaluatedKey() : null;
                    if (start == null) {
                        break;
                    }
                }
                if (!have.equals(want)) {
                    Set<String> missing = new TreeSet<>(want);
                    missing.removeAll(have);
                    Set<String> extra = new TreeSet<>(have);
                    extra.removeAll(want);
                    diverged[0] += missing.size() + extra.size();
                    problem.accept("byManager " + manager + " missing " + missing + " extra " + extra);
                }
            }
        }

        // 4. audit: exactly one item per event
        Map<String, List<OutboxEvent>> byPk = new TreeMap<>();
        for (OutboxEvent e : events) {
            byPk.computeIfAbsent(e.aggregateType() + "#" + e.aggregateId(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<OutboxEvent>> pk : byPk.entrySet()) {
            Map<String, Integer> items = auditItems(pk.getKey());
            Set<String> committed = pk.getValue().stream().map(OutboxEvent::eventId).collect(Collectors.toSet());
            for (String eventId : items.keySet()) {
                if (!committed.contains(eventId)) {
                    diverged[0]++;
                    problem.accept("audit: item for " + eventId + " under " + pk.getKey() + " is no committed event");
                }
            }
            for (OutboxEvent e : pk.getValue()) {
                int n = items.getOrDefault(e.eventId(), 0);
                if (n == 0) {
                    lost[0]++;
                    problem.accept("audit: no item for " + e.eventType() + " " + e.eventId() + " of " + pk.getKey());
                } else if (n > 1) {
                    twice[0] += n - 1;
                    problem.accept("audit: " + n + " items for " + e.eventId() + " of " + pk.getKey());
                }
            }
        }
        return new Result(events.size(), lost[0], twice[0], diverged[0], parked, unpublished, problems);
    }

    /** eventId → number of audit items under one partition key (Query, paged, bounded). */
    Map<String, Integer> auditItems(String pk) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < 1000; page++) {
            QueryRequest.Builder q = QueryRequest.builder().tableName(stores.auditTable).consistentRead(true)
                    .keyConditionExpression("pk = :pk").projectionExpression("eventId")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse response = stores.dynamo.query(q.build());
            response.items().forEach(i -> counts.merge(i.get("eventId").s(), 1, Integer::sum));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            if (start == null) {
                break;
            }
        }
        return counts;
    }

    /** Event ids listed by GET /api/outbox/parked (empty if the command service does not answer). */
    Set<String> parkedListing() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(commandApi + "/api/outbox/parked"))
                    .timeout(Duration.ofSeconds(5)).header("Authorization", stores.tokens.authorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Set<String> ids = new TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                    .matcher(r.body());
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        } catch (Exception e) {
            return Set.of();
        }
    }

    /**
     * The messages now in a dead-letter queue, peeked: received with a 10 s visibility timeout (so the scan moves on
     * through a queue that also holds other runs' messages) and left to reappear. Bounded to 200 receives
     * of up to 10. A FIFO queue hands out a group's later messages only after the earlier ones are deleted, so at most
     * the first 10 of each group are seen. Returns message id → message.
     */
    Map<String, Message> peek(String queueVariable) {
        String queueUrl = stores.queueUrl(queueVariable);
        Map<String, Message> seen = new LinkedHashMap<>();
        scan(queueUrl, batch -> batch.forEach(m -> seen.putIfAbsent(m.messageId(), m)), m -> false);
        return seen;
    }

    /**
     * Deletes from a dead-letter queue the messages whose body contains {@code marker} (what a scenario injected);
     * the others reappear after the peek visibility. Returns how many were deleted.
     */
    int deleteMarked(String queueVariable, String marker) {
        String queueUrl = stores.queueUrl(queueVariable);
        int[] deleted = {0};
        scan(queueUrl, batch -> {
            for (Message m : batch) {
                if (m.body().contains(marker)) {
                    stores.sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                    deleted[0]++;
                }
            }
        }, m -> m.body().contains(marker));
        return deleted[0];
    }

    /**
     * The operator's redrive, limited to the messages whose body contains {@code text} (the scenario's correlation
     * tag): the same steps as bin/redrive (dev.cqrs.projector.redrive.Redrive) — batch by batch, release the batch's
     * message groups ({@code releaseGroups}), send each message back to the source queue in order with deduplication
     * id "redrive-&lt;DLQ message id&gt;" and without the DLQ's own attributes, delete it from the DLQ — but other
     * runs' messages in the same DLQ are left where they are (they reappear after the peek visibility). Returns how many were moved.
     */
    int redriveOwn(String dlqVariable, String sourceVariable, String text) {
        String from = stores.queueUrl(dlqVariable);
        String to = stores.queueUrl(sourceVariable);
        int[] moved = {0};
        {
            scan(from, batch -> {
                List<Message> ours = batch.stream().filter(m -> m.body().contains(text)).toList();
                if (ours.isEmpty()) {
                    return;
                }
                for (Message m : ours) {
                    Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> attributes =
                            new LinkedHashMap<>(m.messageAttributes());
                    List.of("reason", "originalMessageId", "sourceQueueArn", "sourceQueue").forEach(attributes::remove);
                    stores.sqs.sendMessage(r -> r.queueUrl(to).messageBody(m.body()).messageAttributes(attributes)
                            .messageGroupId(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                            .messageDeduplicationId("redrive-" + m.messageId()));
                    stores.sqs.deleteMessage(r -> r.queueUrl(from).receiptHandle(m.receiptHandle()));
                    moved[0]++;
                }
            }, m -> m.body().contains(text));
        }
        return moved[0];
    }

    /**
     * Receives batches (up to 10, {@value #PEEK_VISIBILITY_SECONDS} s visibility, 1 s long poll) until two receives in
     * a row bring nothing new or nothing {@code progress} accepts, bounded to 200 receives; hands each batch to
     * {@code onBatch}. First waits until what the previous scan of this queue hid is visible again.
     */
    private void scan(String queueUrl, Consumer<List<Message>> onBatch, java.util.function.Predicate<Message> progress) {
        long wait = hiddenUntil.getOrDefault(queueUrl, 0L) - System.nanoTime();
        if (wait > 0) {
            try {
                // SQS has no "visible again" signal: the visibility timeout running out is the condition
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        int idle = 0;
        for (int i = 0; i < 200 && idle < 2; i++) {
            hiddenUntil.put(queueUrl, System.nanoTime() + (PEEK_VISIBILITY_SECONDS + 1) * 1_000_000_000L);
            List<Message> batch = stores.sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(PEEK_VISIBILITY_SECONDS).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            boolean fresh = false;
            for (Message m : batch) {
                fresh |= seen.add(m.messageId()) || progress.test(m);
            }
            idle = fresh ? 0 : idle + 1;
            if (!batch.isEmpty()) {
                onBatch.accept(batch);
            }
        }
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement s, Set<String> values) throws SQLException {
        int i = 1;
        for (String v : values) {
            s.setString(i++, v);
        }
    }
}
