package dev.cqrs.bench;

import dev.cqrs.contracts.auth.ClientCredentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop load: commands start at a fixed rate whatever the responses do (a closed loop would slow down with the
 * system and hide its queueing, the "coordinated omission" of Gil Tene's talk "How NOT to measure latency"). Each
 * command runs on its own virtual thread. The mix: todo creates 35 %, edits 12 %, completes 8 %, reopens 4 %,
 * deletes 3 % (on todos this run created), hires 10 %, detail updates 8 %, manager moves 8 %, free audit messages 12 %.
 * 409 and 412 (two commands racing on one aggregate) are "rejected", not errors; errors are 5xx and transport failures.
 */
final class Load {

    /** One command as the client saw it. {@code latencyMillis} from the scheduled start, so queueing counts. */
    record Result(String kind, int status, double latencyMillis, long finishedNanos) {
        boolean error() {
            return status >= 500 || status < 0;
        }

        boolean rejected() {
            return status == 409 || status == 412;
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] MANAGERS = {"M1", "M2", "M3", "M4", "M5"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String commandApi;
    /** Bearer tokens of the test client (client credentials, every scope), renewed before they expire. */
    private final ClientCredentials tokens;
    private final String run;
    private final Visibility visibility;
    /** Todo id → its version as this client last saw it (for If-Match); the ids picked from the recent ones. */
    private final Map<String, Long> todos = new ConcurrentHashMap<>();
    private final Recent recentTodos = new Recent(256);
    private final Recent employees = new Recent(128);
    private final AtomicInteger sequence = new AtomicInteger();

    Load(String commandApi, ClientCredentials tokens, String run, Visibility visibility) {
        this.commandApi = commandApi;
        this.tokens = tokens;
        this.run = run;
        this.visibility = visibility;
    }

    /** The managers that moves go to; top-level, so moves can never form a cycle. */
    void prepare() throws Exception {
        for (String manager : MANAGERS) {
            send("hire", post("/api/employees", hireJson(code(manager), null)), null);
        }
    }

    /** Runs {@code rate} commands/s for {@code seconds}; returns every result, in completion order. */
    List<Result> run(int rate, int seconds) throws InterruptedException {
        List<Result> results = new CopyOnWriteArrayList<>();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                workers.submit(() -> results.add(one(due)));
            }
            workers.shutdown();
            workers.awaitTermination(60, TimeUnit.SECONDS);
        }
        return results;
    }

    private Result one(long due) {
        int dice = ThreadLocalRandom.current().nextInt(100);
        String todo = recentTodos.any();
        String employee = employees.any();
        try {
            if (dice < 35 || todo == null && dice < 62) {
                return createTodo(due);
            } else if (dice < 47) {
                return changeTodo(due, "edit", todo, "PUT", "/api/todos/" + todo,
                        "{\"title\":\"bench " + run + " edited " + sequence.incrementAndGet() + "\"}");
            } else if (dice < 55) {
                return changeTodo(due, "complete", todo, "POST", "/api/todos/" + todo + "/complete", null);
            } else if (dice < 59) {
                return changeTodo(due, "reopen", todo, "POST", "/api/todos/" + todo + "/reopen", null);
            } else if (dice < 62) {
                Result result = changeTodo(due, "delete", todo, "DELETE", "/api/todos/" + todo, null);
                return result;
            } else if (dice < 72 || employee == null && dice < 88) {
                String code = code("E" + sequence.incrementAndGet());
                Result result = send("hire", post("/api/employees",
                        hireJson(code, code(MANAGERS[dice % MANAGERS.length]))), due);
                if (result.status() == 201) {
                    employees.add(code);
                }
                return result;
            } else if (dice < 80) {
                return send("details", request("PUT", "/api/employees/" + employee, "{\"name\":\"Bench "
                        + sequence.incrementAndGet() + "\",\"email\":\"b@example.com\",\"jobTitle\":\"Engineer\"}"),
                        due);
            } else if (dice < 88) {
                return send("move", request("PUT", "/api/employees/" + employee + "/manager",
                        "{\"managerCode\":\"" + code(MANAGERS[dice % MANAGERS.length]) + "\"}"), due);
            } else {
                return send("audit", post("/api/audit", "{\"message\":\"bench " + run + " "
                        + sequence.incrementAndGet() + "\"}"), due);
            }
        } catch (Exception e) {
            return new Result("transport", -1, (System.nanoTime() - due) / 1e6, System.nanoTime());
        }
    }

    private Result createTodo(long due) throws Exception {
        HttpResponse<String> response = http.send(post("/api/todos", "{\"title\":\"bench " + run + " "
                + sequence.incrementAndGet() + "\"}").build(), HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (response.statusCode() == 201) {
            Matcher id = ID.matcher(response.body());
            if (id.find()) {
                todos.put(id.group(1), 1L);
                recentTodos.add(id.group(1));
                visibility.committed(id.group(1), now);
            }
        }
        return new Result("create", response.statusCode(), (now - due) / 1e6, now);
    }

    private Result changeTodo(long due, String kind, String todo, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = request(method, path, body).header("If-Match",
                "\"" + todos.getOrDefault(todo, 1L) + "\"");
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        response.headers().firstValue("ETag").ifPresent(tag -> todos.computeIfPresent(todo,
                (id, seen) -> Math.max(seen, Long.parseLong(tag.replace("\"", "")))));
        if (response.statusCode() == 412) {
            // Someone else's command won the race: catch up, so the next command on this todo can succeed.
            todos.computeIfPresent(todo, (id, seen) -> seen + 1);
        }
        return new Result(kind, response.statusCode(), (now - due) / 1e6, now);
    }

    private Result send(String kind, HttpRequest.Builder request, Long due) throws Exception {
        long start = due == null ? System.nanoTime() : due;
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        long now = System.nanoTime();
        return new Result(kind, response.statusCode(), (now - start) / 1e6, now);
    }

    private HttpRequest.Builder post(String path, String body) {
        return request("POST", path, body);
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(commandApi + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", tokens.authorization())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
    }

    private String hireJson(String code, String manager) {
        return "{\"code\":\"" + code + "\",\"name\":\"Bench " + code + "\",\"email\":\"" + code.toLowerCase()
                + "@example.com\",\"jobTitle\":\"Engineer\",\"hireDate\":\"2026-01-05\""
                + (manager == null ? "" : ",\"managerCode\":\"" + manager + "\"") + "}";
    }

    /** Employee codes are at most 20 characters: the run id (8) + a short suffix. */
    private String code(String suffix) {
        return ("B" + run + suffix).toUpperCase();
    }

    /** The last {@code size} ids added; picking one is O(1), so the client's own CPU stays flat over a long run. */
    private static final class Recent {
        private final AtomicReferenceArray<String> ids;
        private final AtomicInteger added = new AtomicInteger();

        Recent(int size) {
            ids = new AtomicReferenceArray<>(size);
        }

        void add(String id) {
            ids.set(Math.floorMod(added.getAndIncrement(), ids.length()), id);
        }

        String any() {
            int filled = Math.min(added.get(), ids.length());
            return filled == 0 ? null : ids.get(ThreadLocalRandom.current().nextInt(filled));
        }
    }
}
