package dev.cqrs.chaos;

import dev.cqrs.contracts.auth.ClientCredentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A random mixed command load on a SMALL set of aggregates of one scenario, so each aggregate gets many versions:
 * todo creates, edits, completes, reopens and deletes (If-Match with the last ETag seen; 412/409 are normal
 * outcomes); hires (single and batch), detail updates, manager moves and terminations (409 is a normal outcome, e.g. a
 * manager with active reportees or a reporting cycle); free audit messages.
 *
 * <p>Every request carries {@code X-Correlation-Id: <tag>-<n>}, so the scenario's events are found in the outbox by
 * their correlation id, also those whose response was lost (a killed service). Todo titles, employee codes and audit
 * user ids start with the tag too. Counts and time are bounded: at most {@code rate × seconds} commands, paced by a
 * fixed-rate clock, each with a 5 s request timeout.
 */
final class Load {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** A todo of the load: its id and the last ETag version seen (0 = unknown: send no If-Match). */
    static final class Todo {
        final String id;
        volatile long version;

        Todo(String id, long version) {
            this.id = id;
            this.version = version;
        }
    }

    private final HttpClient http;

    private final ClientCredentials tokens;
    private final String api;
    final String tag;
    private final Random random;
    private final AtomicLong sequence = new AtomicLong();
    /** Todos the random load works on (a deleted one leaves the map). */
    final Map<String, Todo> todos = new ConcurrentHashMap<>();
    /** Employee codes hired by this scenario, by role. */
    final List<String> managers = new ArrayList<>();
    final Set<String> staff = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextCode = new AtomicInteger(100);
    /** HTTP status (or -1 for no answer) → count. */
    final Map<Integer, AtomicInteger> outcomes = new ConcurrentHashMap<>();

    Load(HttpClient http, String api, ClientCredentials tokens, String tag, long seed) {
        this.http = http;
        this.api = api;
        this.tokens = tokens;
        this.tag = tag;
        this.random = new Random(seed);
    }

    record Reply(int status, String body, long etag) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Six todos and a hierarchy of ten employees (top, 3 managers, 6 staff) hired as one batch. */
    void setUp() {
        for (int i = 0; i < 6; i++) {
            createTodo();
        }
        String top = tag + "-TOP";
        StringBuilder batch = new StringBuilder("{\"employees\":[").append(hire(top, null));
        for (int m = 1; m <= 3; m++) {
            batch.append(',').append(hire(tag + "-M" + m, top));
        }
        for (int s = 1; s <= 6; s++) {
            batch.append(',').append(hire(tag + "-S" + s, tag + "-M" + (1 + s % 3)));
        }
        batch.append("]}");
        Reply r = send("POST", "/api/employees/batch", batch.toString(), null);
        if (!r.ok()) {
            throw new IllegalStateException("set-up batch hire failed: " + r.status() + " " + r.body());
        }
        managers.add(top);
        for (int m = 1; m <= 3; m++) {
            managers.add(tag + "-M" + m);
        }
        for (int s = 1; s <= 6; s++) {
            staff.add(tag + "-S" + s);
        }
    }

    /** Creates a todo (outside the random pool if {@code pooled} is false) and returns it, or null if refused. */
    Todo createTodo(boolean pooled) {
        long n = sequence.get();
        Reply r = send("POST", "/api/todos",
                "{\"title\":\"" + tag + " todo " + n + "\",\"description\":\"created by chaos\"}", null);
        if (!r.ok()) {
            return null;
        }
        Matcher m = ID.matcher(r.body());
        if (!m.find()) {
            return null;
        }
        Todo todo = new Todo(m.group(1), r.etag());
        if (pooled) {
            todos.put(todo.id, todo);
        }
        return todo;
    }

    private void createTodo() {
        createTodo(true);
    }

    /** Edits a todo's title (If-Match when its version is known). */
    Reply editTodo(Todo todo, String title) {
        Reply r = send("PUT", "/api/todos/" + todo.id, "{\"title\":\"" + title + "\",\"description\":\"edited "
                + sequence.get() + "\"}", todo);
        return r;
    }

    /**
     * Runs the random load for at most {@code seconds} at {@code perSecond} commands per second (fixed rate, 4
     * workers). Returns when every command has been answered or timed out.
     */
    void run(double perSecond, int seconds) throws InterruptedException {
        int total = (int) Math.round(perSecond * seconds);
        long periodNanos = (long) (1e9 / perSecond);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < total; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pacing of the load, not a wait for a condition
                }
                double dice;
                synchronized (random) {
                    dice = random.nextDouble();
                }
                workers.submit(() -> {
                    try {
                        oneCommand(dice);
                    } catch (RuntimeException e) {
                        outcomes.computeIfAbsent(-2, k -> new AtomicInteger()).incrementAndGet();
                    }
                });
            }
        } finally {
            workers.shutdown();
            // every request has a 5 s timeout; a queue of at most 4 × rate commands drains well within this
            if (!workers.awaitTermination(120, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        }
    }

    private void oneCommand(double dice) {
        if (dice < 0.5) {
            todoCommand(dice / 0.5);
        } else if (dice < 0.85) {
            employeeCommand((dice - 0.5) / 0.35);
        } else {
            send("POST", "/api/audit", "{\"message\":\"" + tag + " chaos audit " + sequence.get()
                    + "\"}", null);
        }
    }

    private void todoCommand(double dice) {
        List<Todo> pool = new ArrayList<>(todos.values());
        if (pool.size() < 3 || dice < 0.08) {
            if (pool.size() < 8) {
                createTodo();
            }
            return;
        }
        Todo todo = pool.get(pick(pool.size()));
        if (dice < 0.45) {
            editTodo(todo, tag + " todo edited " + sequence.get());
        } else if (dice < 0.7) {
            send("POST", "/api/todos/" + todo.id + "/complete", null, todo);
        } else if (dice < 0.95) {
            send("POST", "/api/todos/" + todo.id + "/reopen", null, todo);
        } else {
            Reply r = send("DELETE", "/api/todos/" + todo.id, null, todo);
            if (r.ok() || r.status() == 404) {
                todos.remove(todo.id);
            }
        }
    }

    private void employeeCommand(double dice) {
        List<String> people = new ArrayList<>(staff);
        if (dice < 0.12 || people.size() < 3) {
            String code = tag + "-E" + nextCode.getAndIncrement();
            if (send("POST", "/api/employees", hire(code, managers.get(pick(managers.size()))), null).ok()) {
                staff.add(code);
            }
        } else if (dice < 0.17) {
            StringBuilder batch = new StringBuilder("{\"employees\":[");
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String code = tag + "-E" + nextCode.getAndIncrement();
                codes.add(code);
                batch.append(i == 0 ? "" : ",").append(hire(code, managers.get(pick(managers.size()))));
            }
            if (send("POST", "/api/employees/batch", batch.append("]}").toString(), null).ok()) {
                staff.addAll(codes);
            }
        } else if (dice < 0.5) {
            String code = pickAnyone(people);
            long n = sequence.get();
            send("PUT", "/api/employees/" + code, "{\"name\":\"Name " + n + "\",\"email\":\"e" + n
                    + "@chaos.example\",\"jobTitle\":\"Title " + n + "\"}", null);
        } else if (dice < 0.85) {
            // mostly staff under a manager; sometimes a manager under another manager (a cycle is a 409)
            String code = dice < 0.78 ? people.get(pick(people.size())) : managers.get(1 + pick(managers.size() - 1));
            String manager = managers.get(pick(managers.size()));
            send("PUT", "/api/employees/" + code + "/manager", "{\"managerCode\":\"" + manager + "\"}", null);
        } else {
            // staff leave; sometimes a manager is asked to leave (409 while they have active reportees)
            String code = dice < 0.97 ? people.get(pick(people.size())) : managers.get(1 + pick(managers.size() - 1));
            Reply r = send("POST", "/api/employees/" + code + "/terminate", "{\"lastWorkingDate\":\"2026-12-31\"}",
                    null);
            if (r.ok() && staff.remove(code)) {
                // terminated staff are no longer picked
            }
        }
    }

    private String pickAnyone(List<String> people) {
        return pick(4) == 0 ? managers.get(pick(managers.size())) : people.get(pick(people.size()));
    }

    private int pick(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    private static String hire(String code, String manager) {
        return "{\"code\":\"" + code + "\",\"name\":\"Name " + code + "\",\"email\":\"" + code.toLowerCase()
                + "@chaos.example\",\"jobTitle\":\"Engineer\",\"managerCode\":"
                + (manager == null ? "null" : "\"" + manager + "\"") + ",\"hireDate\":\"2026-01-15\"}";
    }

    /**
     * One command. {@code todo}, if given, supplies If-Match (its last seen version) and gets the new ETag; a 412 makes
     * its version unknown, so the next command goes without If-Match.
     */
    Reply send(String method, String path, String json, Todo todo) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(REQUEST_TIMEOUT)
                .header("X-Correlation-Id", tag + "-" + sequence.incrementAndGet())
                .header("Authorization", tokens.authorization());
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (todo != null && todo.version > 0) {
            b.header("If-Match", "\"" + todo.version + "\"");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        Reply reply;
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            long etag = r.headers().firstValue("ETag").map(v -> v.replace("\"", "").replace("W/", ""))
                    .map(Load::parseLong).orElse(0L);
            reply = new Reply(r.statusCode(), r.body(), etag);
        } catch (java.io.IOException e) {
            reply = new Reply(-1, e.toString(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = new Reply(-1, "interrupted", 0);
        }
        outcomes.computeIfAbsent(reply.status(), k -> new AtomicInteger()).incrementAndGet();
        if (todo != null) {
            if (reply.ok() && reply.etag() > 0) {
                todo.version = reply.etag();
            } else if (reply.status() == 412 || reply.status() == -1 || reply.status() >= 500) {
                todo.version = 0;
            } else if (reply.status() == 404) {
                todos.remove(todo.id);
            }
        }
        return reply;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** e.g. "201×40 200×120 409×7 412×3 none×5" */
    String outcomeSummary() {
        StringBuilder sb = new StringBuilder();
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(sb.isEmpty() ? "" : " ")
                .append(e.getKey() == -1 ? "none" : e.getKey() == -2 ? "error" : e.getKey()).append('x')
                .append(e.getValue().get()));
        return sb.toString();
    }
}
