package dev.cqrs.chaos;

import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.node.ObjectNode;
import dev.cqrs.contracts.EventJson;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The fault matrix of issue 8: "never lost, never applied twice, never out of order", measured.
 *
 * <p>For each scenario: a fresh set of aggregates (tag {@code CH<run>S<nn>}), a random mixed command load at a modest
 * rate, ONE fault, the operator's documented recovery where the fault needs one (redrive, retry of parked outbox
 * rows), then quiescence (outbox published, both queues empty including in-flight, every store caught up) and the
 * {@link Checker}. One table row per scenario on stdout; progress on stderr; the scripts' output in
 * {@code .local/chaos/<run>.log}. Exit status 1 if any row has lost, applied-twice or diverged &gt; 0 or failed.
 *
 * <p>Usage (via bin/chaos, which sources .local/stack.env): {@code [--full|--short|--only=1,2,12] [--rate=15]
 * [--seconds=15]}.
 */
public final class Chaos {

    /** Scenarios in the order of the issue's priority list. */
    static final Map<Integer, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(1, "no fault (baseline)");
        NAMES.put(2, "kill -9 command-service, restart");
        NAMES.put(3, "kill -9 projector runner, restart");
        NAMES.put(4, "kill -9 audit-worker, restart");
        NAMES.put(12, "old events republished (new dedup id)");
        NAMES.put(8, "SNS/SQS stalled 10 s (SIGSTOP fauxqs)");
        NAMES.put(10, "event with schemaVersion 99");
        NAMES.put(9, "poison mid-aggregate, discard + redrive");
        NAMES.put(6, "kill -9 replica 1, stack up");
        NAMES.put(5, "kill -9 fauxqs, stack up");
        NAMES.put(7, "kill -9 primary, stack up");
        NAMES.put(11, "read db denied to projector 160 s, redrive");
        NAMES.put(13, "Idempotency-Key lease race");
    }

    static final List<Integer> SHORT = List.of(1, 2, 3, 12);

    private static final Duration CONVERGE_DEADLINE = Duration.ofSeconds(180);

    record Row(int no, String name, int committed, int lost, int twice, int diverged, String parked, String converge,
               String note) {
        boolean failed() {
            return lost > 0 || twice > 0 || diverged > 0 || committed < 0;
        }
    }

    private final Path root;
    private final Stores stores;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String commandApi;
    private final Checker checker;
    private final Faults faults;
    private final String run;
    private final double rate;
    private final int seconds;
    /** Violations a scenario's own probe saw (reset per scenario): counted in the row's columns. */
    private int probeLost;
    private int probeTwice;
    private int probeOutOfOrder;

    Chaos(Path root, Stores stores, File log, String run, double rate, int seconds) {
        this.root = root;
        this.stores = stores;
        this.commandApi = stores.env.getOrDefault("COMMAND_API_URL", "http://127.0.0.1:8080");
        this.checker = new Checker(stores, http, commandApi);
        this.faults = new Faults(root, log);
        this.run = run;
        this.rate = rate;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> scenarios = new ArrayList<>(NAMES.keySet());
        double rate = 15;
        int seconds = 15;
        for (String a : args) {
            if (a.equals("--short")) {
                scenarios = SHORT;
            } else if (a.equals("--full")) {
                scenarios = new ArrayList<>(NAMES.keySet());
            } else if (a.startsWith("--only=")) {
                scenarios = Arrays.stream(a.substring(7).split(",")).map(String::trim).map(Integer::parseInt).toList();
            } else if (a.startsWith("--rate=")) {
                rate = Double.parseDouble(a.substring(7));
            } else if (a.startsWith("--seconds=")) {
                seconds = Integer.parseInt(a.substring(10));
            } else {
                System.err.println("usage: bin/chaos [--full|--short|--only=1,2,12] [--rate=15] [--seconds=15]");
                System.exit(2);
            }
        }
        Path root = Path.of(System.getProperty("chaos.root", ".")).toAbsolutePath().normalize();
        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_679_616, 36).toUpperCase(Locale.ROOT);
        Files.createDirectories(root.resolve(".local/chaos"));
        File log = root.resolve(".local/chaos/" + run + ".log").toFile();
        say("chaos run " + run + ": scenarios " + scenarios + ", " + rate + " commands/s for " + seconds
                + " s each; script output in " + log);
        List<Row> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Stores stores = new Stores(System.getenv())) {
            Chaos chaos = new Chaos(root, stores, log, run, rate, seconds);
            for (int no : scenarios) {
                if (!NAMES.containsKey(no)) {
                    throw new IllegalArgumentException("no scenario " + no);
                }
                Row row;
                long s0 = System.nanoTime();
                try {
                    row = chaos.scenario(no);
                } catch (Exception e) {
                    row = new Row(no, NAMES.get(no), -1, 0, 0, 0, "-", "-", "FAILED: " + e);
                    e.printStackTrace();
                    chaos.recoverAfterFailure();
                }
                say(String.format("scenario %d done in %.0f s: %s", no, Stores.since(s0).toMillis() / 1000.0, row));
                rows.add(row);
            }
        }
        print(rows);
        System.out.printf("run %s, %d scenarios in %.0f s%n", run, rows.size(), Stores.since(t0).toMillis() / 1000.0);
        System.exit(rows.stream().anyMatch(Row::failed) ? 1 : 0);
    }

    static void say(String line) {
        System.err.println("[chaos " + Instant.now().toString().substring(11, 19) + "] " + line);
    }

    static void print(List<Row> rows) {
        String format = "| %-3s | %-46s | %9s | %4s | %13s | %8s | %-22s | %9s | %s%n";
        System.out.printf(format, "#", "scenario", "committed", "lost", "applied twice", "diverged", "parked",
                "converge s", "note");
        System.out.printf(format, "---", "-".repeat(46), "-".repeat(9), "----", "-".repeat(13), "-".repeat(8),
                "-".repeat(22), "-".repeat(9), "----");
        for (Row r : rows) {
            System.out.printf(format, r.no(), r.name(), r.committed() < 0 ? "-" : Integer.toString(r.committed()),
                    r.lost(), r.twice(), r.diverged(), r.parked(), r.converge(), r.note());
        }
    }

    /** A scenario that threw: bring everything back for the next one (stack up, services start). */
    void recoverAfterFailure() {
        try {
            faults.stackUp();
            faults.servicesStart();
        } catch (Exception e) {
            say("recovery failed: " + e);
        }
    }

    /** Runs one scenario and returns its row. */
    Row scenario(int no) throws Exception {
        String tag = "CH" + run + "S" + String.format("%02d", no);
        say("scenario " + no + " (" + NAMES.get(no) + "), tag " + tag);
        long afterId = checker.outboxHighWater();
        Load load = new Load(http, commandApi, stores.tokens, tag, new Random().nextLong());
        load.setUp();
        List<String> notes = new ArrayList<>();
        probeLost = 0;
        probeTwice = 0;
        probeOutOfOrder = 0;
        Set<String> injectedMarkers = new HashSet<>();
        Duration deadline = CONVERGE_DEADLINE;
        boolean redriveProjector = false;
        long loadEnd;
        switch (no) {
            case 1 -> loadEnd = loadWithFault(load, 0, () -> { });
            case 2 -> loadEnd = loadWithFault(load, 5, () -> {
                faults.kill9(faults.servicePid("command-service"), "command-service");
                faults.servicesStart();
            });
            case 3 -> loadEnd = loadWithFault(load, 5, () -> {
                faults.kill9(faults.servicePid("projector-lambda"), "projector runner");
                faults.servicesStart();
            });
            case 4 -> loadEnd = loadWithFault(load, 5, () -> {
                faults.kill9(faults.servicePid("audit-worker"), "audit-worker");
                faults.servicesStart();
            });
            case 12 -> loadEnd = loadWithFault(load, 8, () -> notes.add(replayOldEvents(afterId, tag)));
            case 8 -> loadEnd = loadWithFault(load, 5, () -> {
                long pid = faults.stackPid("fauxqs");
                say("fault: kill -STOP fauxqs (pid " + pid + ") for 10 s");
                faults.signal("STOP", pid);
                try {
                    TimeUnit.SECONDS.sleep(10); // the fault's length (longer than the relay's SNS call timeout)
                } finally {
                    faults.signal("CONT", pid);
                }
            });
            case 10 -> {
                injectedMarkers.add(tag + "-INJ");
                deadline = Duration.ofSeconds(420);
                loadEnd = loadWithFault(load, 3, () -> notes.add(newerSchema(load, afterId, tag)));
            }
            case 9 -> {
                injectedMarkers.add(tag + "-INJ");
                redriveProjector = true;
                loadEnd = loadWithFault(load, 3, () -> notes.add(poison(load, afterId, tag)));
            }
            case 6 -> loadEnd = loadWithFault(load, 5, () -> {
                faults.kill9(faults.stackPid("mariadb-replica1"), "replica 1");
                faults.stackUp();
            });
            case 5 -> loadEnd = loadWithFault(load, 5, () -> {
                faults.kill9(faults.stackPid("fauxqs"), "fauxqs");
                faults.stackUp();
            });
            case 7 -> loadEnd = loadWithFault(load, 5, () -> {
                faults.kill9(faults.stackPid("mariadb-primary"), "primary");
                faults.stackUp();
            });
            case 11 -> {
                redriveProjector = true;
                deadline = Duration.ofSeconds(360);
                loadWithFault(load, 5, () -> notes.add(readDbDenied(160)));
                loadEnd = System.nanoTime();
            }
            case 13 -> {
                // no random load here: with the outbox locked, every other command would wait on the lock too and
                // exhaust the connection pool (measured: the late request then fails with 500, no lease race at all)
                notes.add(leaseRace(load, tag));
                loadEnd = System.nanoTime();
            }
            default -> throw new IllegalArgumentException("no scenario " + no);
        }
        say("  load done: " + load.outcomeSummary());
        notes.add(0, "http " + load.outcomeSummary());

        // operator steps: discard what the scenario injected, redrive what the fault parked, retry parked outbox rows
        int redriven = 0;
        if (!injectedMarkers.isEmpty() || redriveProjector) {
            Faults.poll("both queues drained", deadline, this::queuesEmpty);
            for (String marker : injectedMarkers) {
                int p = checker.deleteMarked("PROJECTOR_DLQ_NAME", marker);
                int a = checker.deleteMarked("AUDIT_DLQ_NAME", marker);
                notes.add("injected msgs found in DLQs: projector " + p + ", audit " + a + " (discarded)");
            }
            redriven += redriveIfNeeded("PROJECTOR_DLQ_NAME", "projector", tag, notes);
            redriven += redriveIfNeeded("AUDIT_DLQ_NAME", "audit", tag, notes);
        }
        Checker.Result result = null;
        long end = System.nanoTime() + deadline.toNanos();
        Double convergeSeconds = null;
        int retried = 0;
        boolean firstCheck = true;
        long nextRedrive = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long cleanSince = 0;
        while (System.nanoTime() < end) {
            try {
                result = checker.check(afterId, tag);
                if (firstCheck) {
                    firstCheck = false;
                    say("  first check after the load: lost " + result.lost() + ", twice " + result.twice()
                            + ", diverged " + result.diverged() + ", unpublished " + result.unpublished()
                            + (result.problems().isEmpty() ? "" : ", e.g. " + result.problems().get(0)));
                }
                if (result.clean()) {
                    if (cleanSince == 0) {
                        cleanSince = System.nanoTime();
                    }
                    // quiescent: both queues empty, or (other runs' messages still queued) clean for longer than a
                    // visibility timeout, so a redelivery of one of ours would have shown by now
                    boolean quiet = queuesEmpty();
                    if (quiet || Stores.since(cleanSince).toSeconds() > 35) {
                        convergeSeconds = (cleanSince - loadEnd) / 1e9;
                        if (!quiet) {
                            notes.add("queues not empty (other runs' messages); clean for 35 s");
                        }
                        break;
                    }
                } else {
                    cleanSince = 0;
                }
                if (result.parkedOutbox() > retried) {
                    retried += retryParkedOutbox(afterId, tag);
                }
                if ((!injectedMarkers.isEmpty() || redriveProjector) && System.nanoTime() >= nextRedrive) {
                    // the operator repeats the redrive while the scenario's events still arrive in a DLQ: an event that
                    // was on its way there when the first redrive ran lands behind the moved ones; its next redrive
                    // brings it back (each redrive applies at least the earliest missing event of every aggregate)
                    redriven += redriveIfNeeded("PROJECTOR_DLQ_NAME", "projector", tag, notes);
                    redriven += redriveIfNeeded("AUDIT_DLQ_NAME", "audit", tag, notes);
                    nextRedrive = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                }
            } catch (Exception notReadable) {
                say("  check not possible yet: " + notReadable);
            }
            TimeUnit.SECONDS.sleep(1); // poll interval of the convergence loop (bounded by the deadline)
        }
        if (result == null) {
            result = checker.check(afterId, tag);
        }
        if (convergeSeconds == null) {
            notes.add("NOT converged in " + deadline.toSeconds() + " s: " + String.join("; ", result.problems()));
            say("  NOT converged: " + result.problems());
        }
        // what is left in the dead-letter queues (the scenario's own messages only)
        int dlqReal = 0;
        for (String dlq : List.of("PROJECTOR_DLQ_NAME", "AUDIT_DLQ_NAME")) {
            for (Message m : checker.peek(dlq).values()) {
                if (m.body().contains("\"correlationId\":\"" + tag + "-")) {
                    dlqReal++;
                    notes.add("left in " + stores.require(dlq) + ": " + m.body().substring(0, Math.min(160, m.body().length())));
                }
            }
        }
        String parked = "outbox " + result.parkedOutbox() + ", dlq " + (redriven + dlqReal);
        int lost = result.lost() + result.unpublished() + probeLost;
        return new Row(no, NAMES.get(no), result.committed(), lost, result.twice() + probeTwice,
                result.diverged() + probeOutOfOrder, parked,
                convergeSeconds == null ? "timeout" : String.format("%.1f", convergeSeconds), String.join("; ", notes));
    }

    /** A fault: any step may throw (the scenario then fails). */
    interface Fault {
        void inject() throws Exception;
    }

    /**
     * Runs the random load for {@link #seconds} and, {@code faultAt} seconds into it, the fault (in this thread,
     * while the load goes on). Returns System.nanoTime() when both are over.
     */
    long loadWithFault(Load load, int faultAt, Fault fault) throws Exception {
        CompletableFuture<Void> background = CompletableFuture.runAsync(() -> {
            try {
                load.run(rate, seconds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            TimeUnit.SECONDS.sleep(faultAt); // when the fault strikes, into the load
            fault.inject();
        } finally {
            background.get(300, TimeUnit.SECONDS); // the load is bounded: rate x seconds commands, 5 s timeout each
        }
        return System.nanoTime();
    }

    boolean queuesEmpty() {
        return stores.queueDepth("PROJECTOR_QUEUE_NAME") == 0 && stores.queueDepth("AUDIT_QUEUE_NAME") == 0;
    }

    /**
     * The operator's redrive of this scenario's events that sit in a DLQ. bin/redrive moves the WHOLE DLQ back, and
     * the shared local DLQs may hold other runs' messages (hundreds from earlier test runs here), so the same steps
     * are done for the scenario's messages only ({@link Checker#redriveOwn}). Returns how many were moved.
     */
    int redriveIfNeeded(String dlqVariable, String which, String tag, List<String> notes) {
        String sourceVariable = which.equals("projector") ? "PROJECTOR_QUEUE_NAME" : "AUDIT_QUEUE_NAME";
        int moved = checker.redriveOwn(dlqVariable, sourceVariable, "\"correlationId\":\"" + tag + "-");
        if (moved > 0) {
            say("  operator: redrove " + moved + " events of this scenario from " + stores.require(dlqVariable));
            notes.add("redriven " + which + " " + moved);
        }
        return moved;
    }

    /** The operator's retry of the scenario's parked outbox rows (POST /api/outbox/parked/{id}/retry). */
    int retryParkedOutbox(long afterId, String tag) throws Exception {
        int n = 0;
        for (Checker.OutboxEvent e : checker.events(afterId, tag)) {
            if (e.parked()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(commandApi + "/api/outbox/parked/"
                        + e.eventId() + "/retry")).timeout(Duration.ofSeconds(5))
                        .header("Authorization", stores.tokens.authorization()).POST(HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString());
                say("  operator: retry parked outbox event " + e.eventId() + " -> " + r.statusCode());
                n++;
            }
        }
        return n;
    }

    /**
     * Scenario 12: republishes up to 10 already published events of the scenario, unchanged, with new deduplication
     * ids (as if after SNS's 5-minute window): the projector's version gate and the audit worker's conditional put
     * must make them no-ops.
     */
    String replayOldEvents(long afterId, String tag) throws Exception {
        List<Checker.OutboxEvent> published = new ArrayList<>(checker.events(afterId, tag).stream()
                .filter(Checker.OutboxEvent::published).toList());
        Collections.shuffle(published);
        int n = 0;
        for (Checker.OutboxEvent e : published.subList(0, Math.min(10, published.size()))) {
            stores.publish(checker.body(e.eventId()), e.aggregateId(), "chaos-replay-" + UUID.randomUUID(), e.eventType());
            n++;
        }
        say("fault: republished " + n + " old events with new dedup ids");
        return "replayed " + n + " old events";
    }

    /** Creates a todo outside the random pool and waits (deadline 30 s) until the primary's read model has v1. */
    private Load.Todo reservedTodo(Load load) throws Exception {
        Load.Todo todo = load.createTodo(false);
        if (todo == null) {
            throw new IllegalStateException("could not create the reserved todo");
        }
        if (!Faults.poll("reserved todo applied", Duration.ofSeconds(30), () -> readVersion(todo.id) >= 1)) {
            throw new IllegalStateException("reserved todo " + todo.id + " not projected in 30 s");
        }
        return todo;
    }

    /** todo_view.version on the primary, -1 if absent. */
    long readVersion(String id) {
        try (Connection c = stores.readDb(Stores.ReadCopy.PRIMARY);
             PreparedStatement s = c.prepareStatement("SELECT version FROM todo_view WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String createdBody(long afterId, String tag, String todoId) throws Exception {
        Checker.OutboxEvent created = checker.events(afterId, tag).stream()
                .filter(e -> e.aggregateId().equals(todoId) && e.aggregateVersion() == 1).findFirst()
                .orElseThrow(() -> new IllegalStateException("no TodoCreated for " + todoId));
        return checker.body(created.eventId());
    }

    /**
     * Scenario 10: a copy of the reserved todo's TodoCreated with schemaVersion 99 (fresh dedup id, correlation id
     * marked as injected), then a real edit of that todo (v2) queued behind it in the same group. For 40 s the
     * projector must neither apply v2 nor dead-letter the copy (newer schema = wait, not poison). Then the "upgraded"
     * copy (schemaVersion 1, fresh dedup id) is published: an old version, a no-op. The schema-99 message leaves
     * through the queues' redrive policy (maxReceiveCount 5) into the DLQs; the operator then discards it.
     */
    String newerSchema(Load load, long afterId, String tag) throws Exception {
        Load.Todo todo = reservedTodo(load);
        ObjectNode envelope = EventJson.tree(createdBody(afterId, tag, todo.id));
        envelope.put("schemaVersion", 99);
        envelope.put("correlationId", tag + "-INJ-99");
        stores.publish(EventJson.tree(envelope.toString()).toString(), todo.id, "chaos-v99-" + UUID.randomUUID(),
                "TodoCreated");
        say("fault: published a schemaVersion 99 copy of " + todo.id + "'s TodoCreated, then a real edit (v2)");
        Load.Reply edit = load.editTodo(todo, tag + " edited behind v99");
        boolean[] violated = {false};
        // the condition to watch for is a violation; "no violation within 40 s" is the expected outcome
        long dlqBefore = stores.queueDepth("PROJECTOR_DLQ_NAME");
        Faults.poll("a violation (expected: none) - v2 applied or v99 dead-lettered while it should wait",
                Duration.ofSeconds(40), () -> {
            violated[0] = readVersion(todo.id) >= 2 || peekCount("PROJECTOR_DLQ_NAME", tag + "-INJ-99") > 0;
            return violated[0];
        });
        if (violated[0]) {
            probeOutOfOrder++;
        }
        envelope.put("schemaVersion", 1);
        envelope.put("correlationId", tag + "-INJ-UPGRADED");
        stores.publish(envelope.toString(), todo.id, "chaos-v1-" + UUID.randomUUID(), "TodoCreated");
        return "edit behind v99: " + edit.status() + (violated[0] ? "; VIOLATION: v2 applied or v99 dead-lettered "
                + "while it should wait" : "; v2 waited 40 s behind v99, nothing dead-lettered (DLQ depth "
                + dlqBefore + " -> " + stores.queueDepth("PROJECTOR_DLQ_NAME") + ")");
    }

    /** Messages in the DLQ whose body contains {@code text} (at most the first 10 of each group, see peek). */
    long peekCount(String dlqVariable, String text) {
        return checker.peek(dlqVariable).values().stream().filter(m -> m.body().contains(text)).count();
    }

    /**
     * Scenario 9: poison in the middle of a reserved todo's sequence, of both kinds.
     * <ul>
     *   <li>A message that is no event (the todo's TodoCreated turned into a "TodoEdited" v2 whose payload is not an
     *       object, correlation id marked as injected) published into the todo's group: both consumers must
     *       dead-letter it at once with its reason, not retry it, not crash.</li>
     *   <li>A real event the read model rejects for good: a trigger on read_db.todo_view (created as root) fails any
     *       update whose title carries this scenario's poison mark with SQLSTATE 22023, a data exception, as a column
     *       too small for the value would. Then three real edits: v2 with the mark, v3, v4. The projector must
     *       dead-letter v2 and send v3 and v4 after it (version gap), holding the read model at v1.</li>
     * </ul>
     * Then the fix (the trigger dropped, as a widened column would be) and the operator step: discard the injected
     * message from both DLQs, redrive the scenario's projector DLQ messages; v2..v4 apply in order.
     */
    String poison(Load load, long afterId, String tag) throws Exception {
        Load.Todo todo = reservedTodo(load);
        ObjectNode envelope = EventJson.tree(createdBody(afterId, tag, todo.id));
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("eventType", "TodoEdited");
        envelope.put("aggregateVersion", 2);
        envelope.put("payload", "corrupt");
        envelope.put("correlationId", tag + "-INJ-POISON");
        long dlqBefore = stores.queueDepth("PROJECTOR_DLQ_NAME");
        String mark = tag + "-REJECTED";
        try {
            rejectTitlesContaining(mark);
            stores.publish(envelope.toString(), todo.id, "chaos-poison-" + UUID.randomUUID(), "TodoEdited");
            say("fault: published a non-event into " + todo.id + "'s group; the read model now rejects titles with "
                    + mark + "; 3 real edits, the first with it");
            List<Integer> statuses = new ArrayList<>();
            statuses.add(load.editTodo(todo, mark + " edit v2").status());
            for (int i = 3; i <= 4; i++) {
                statuses.add(load.editTodo(todo, tag + " edit v" + i).status());
            }
            // evidence: the read model held at v1 while the non-event, v2 and the two after it went to the projector
            // DLQ (a FIFO receive shows only a group's first message: the DLQ's depth is what can be read without
            // draining it)
            boolean heldBack = Faults.poll("the non-event and v2..v4 in the projector DLQ, read model at v1",
                    Duration.ofSeconds(60), () -> stores.queueDepth("PROJECTOR_DLQ_NAME") >= dlqBefore + 4);
            long held = readVersion(todo.id);
            return "edits " + statuses + (heldBack && held == 1 ? "; non-event + v2 (rejected) + v3, v4 (behind the gap) "
                    + "in the projector DLQ, read model held at v1" : "; NOT as expected: DLQ depth " + dlqBefore
                    + " -> " + stores.queueDepth("PROJECTOR_DLQ_NAME") + ", read model at v" + held);
        } finally {
            acceptAllTitles();
            say("  fix: the read model accepts the titles again (trigger dropped)");
        }
    }

    private void rejectTitlesContaining(String mark) throws java.sql.SQLException {
        acceptAllTitles();
        try (Connection root = stores.primaryRoot(); Statement s = root.createStatement()) {
            s.execute("CREATE TRIGGER read_db.chaos_reject_title BEFORE UPDATE ON read_db.todo_view FOR EACH ROW "
                    + "IF NEW.title LIKE '%" + mark + "%' THEN SIGNAL SQLSTATE '22023' "
                    + "SET MESSAGE_TEXT = 'chaos: the read model rejects this title'; END IF");
        }
    }

    private void acceptAllTitles() throws java.sql.SQLException {
        try (Connection root = stores.primaryRoot(); Statement s = root.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS read_db.chaos_reject_title");
        }
    }

    /**
     * Scenario 11: read_db unavailable to the projector for longer than 5 × the visibility timeout, while commands go
     * on: its privileges on read_db are revoked and its open connections killed (new ones are refused), for at least
     * {@code seconds} and until a message has reached the DLQ by maxReceiveCount; then the saved grants are restored. Meanwhile every projector message fails, so after
     * maxReceiveCount (5) receives SQS's redrive policy moves it to the DLQ; the next event of its group then finds a
     * version gap and follows it there at once, and so do the later ones. The operator step afterwards is the redrive.
     */
    String readDbDenied(int seconds) throws Exception {
        String[] outage = {""};
        long started = System.nanoTime();
        List<String> grants = new ArrayList<>();
        String account;
        try (Connection root = stores.primaryRoot(); Statement s = root.createStatement()) {
            String user = stores.require("PROJECTOR_DB_USER");
            String host;
            try (ResultSet r = s.executeQuery("SELECT host FROM mysql.user WHERE user = '" + user + "'")) {
                if (!r.next()) {
                    throw new IllegalStateException("no account for " + user);
                }
                host = r.getString(1);
            }
            account = "'" + user + "'@'" + host + "'";
            try (ResultSet r = s.executeQuery("SHOW GRANTS FOR " + account)) {
                while (r.next()) {
                    if (!r.getString(1).startsWith("GRANT USAGE ON *.*")) {
                        grants.add(r.getString(1));
                    }
                }
            }
            say("fault: REVOKE ALL ON read_db.* FROM " + account + " and kill its connections, for " + seconds + " s");
            s.execute("REVOKE ALL PRIVILEGES ON read_db.* FROM " + account);
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id FROM information_schema.processlist WHERE user = '" + user + "'")) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            for (long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                } catch (java.sql.SQLException gone) {
                    // closed meanwhile
                }
            }
        }
        try {
            // at least `seconds`, and until SQS's redrive policy has moved a projector message to the DLQ (a batch
            // that waits for a refused connection takes longer than the visibility timeout, so 5 receives take more
            // than 5 x 30 s here), bounded to 8 minutes
            long dlqBefore = stores.queueDepth("PROJECTOR_DLQ_NAME");
            long minimumEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            boolean moved = Faults.poll("a projector message moved to the DLQ by maxReceiveCount", Duration.ofMinutes(8),
                    () -> System.nanoTime() >= minimumEnd && stores.queueDepth("PROJECTOR_DLQ_NAME") > dlqBefore);
            outage[0] = moved ? "a message reached the DLQ" : "no message reached the DLQ in 8 min";
        } finally {
            try (Connection root = stores.primaryRoot(); Statement s = root.createStatement()) {
                for (String grant : grants) {
                    s.execute(grant);
                }
                say("  restored: " + grants);
            }
        }
        return String.format("read_db denied to the projector for %.0f s (%s)", Stores.since(started).toMillis() / 1000.0,
                outage[0]);
    }

    /**
     * Scenario 13: the idempotency lease race. command_db.outbox is locked (LOCK TABLES ... WRITE) so request A with
     * key K takes the lease and then hangs in its transaction; B with K during the lease must get 409; once the lease
     * (30 s) has run out, C with K takes it over and hangs too; then the lock is released. Exactly one of A and C may
     * commit (the owner fence), so there must be exactly one todo with A's title; D with K afterwards replays.
     */
    String leaseRace(Load load, String tag) throws Exception {
        String key = tag + "-key-" + UUID.randomUUID();
        String title = tag + " lease race";
        String body = "{\"title\":\"" + title + "\",\"description\":\"one only\"}";
        HttpClient slow = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        java.util.function.Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(URI.create(commandApi + "/api/todos"))
                .timeout(Duration.ofSeconds(90)).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", stores.tokens.authorization()).header("X-Correlation-Id", tag + "-race")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        CompletableFuture<HttpResponse<String>> a;
        CompletableFuture<HttpResponse<String>> c;
        int b;
        try (Connection lock = stores.primaryRoot(); Statement s = lock.createStatement()) {
            s.execute("LOCK TABLES command_db.outbox WRITE");
            say("fault: command_db.outbox locked; A with Idempotency-Key " + key);
            a = slow.sendAsync(request.get(), HttpResponse.BodyHandlers.ofString());
            Faults.poll("A holds the lease", Duration.ofSeconds(10), () -> leaseState(tag, key) != null);
            b = slow.send(request.get(), HttpResponse.BodyHandlers.ofString()).statusCode();
            say("  B during the lease -> " + b + "; waiting for the 30 s lease to run out");
            Faults.poll("A's lease ran out", Duration.ofSeconds(45), () -> Boolean.TRUE.equals(leaseExpired(tag, key)));
            c = slow.sendAsync(request.get(), HttpResponse.BodyHandlers.ofString());
            Faults.poll("C took the lease over", Duration.ofSeconds(5), () -> Boolean.FALSE.equals(leaseExpired(tag, key)));
            s.execute("UNLOCK TABLES");
        }
        int sa = a.get(60, TimeUnit.SECONDS).statusCode();
        int sc = c.get(60, TimeUnit.SECONDS).statusCode();
        int sd = slow.send(request.get(), HttpResponse.BodyHandlers.ofString()).statusCode();
        int todos;
        try (Connection cdb = stores.commandDb();
             PreparedStatement q = cdb.prepareStatement("SELECT COUNT(*) FROM todo WHERE title = ?")) {
            q.setString(1, title);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                todos = r.getInt(1);
            }
        }
        if (todos > 1) {
            probeTwice += todos - 1;
        } else if (todos == 0) {
            probeLost++;
        }
        return "A " + sa + ", B " + b + ", C (after lease) " + sc + ", D " + sd + " -> " + todos + " todo(s)"
                + (todos == 1 ? "" : " VIOLATION");
    }

    private Object leaseState(String actor, String key) {
        try (Connection c = stores.commandDb(); PreparedStatement s = c.prepareStatement(
                "SELECT state FROM idempotency_key WHERE actor = ? AND idem_key = ?")) {
            s.setString(1, actor);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Boolean leaseExpired(String actor, String key) {
        try (Connection c = stores.commandDb(); PreparedStatement s = c.prepareStatement(
                "SELECT lease_until < UTC_TIMESTAMP(6) FROM idempotency_key WHERE actor = ? AND idem_key = ?")) {
            s.setString(1, actor);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBoolean(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
