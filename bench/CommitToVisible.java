import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commit-to-visible latency of the running system: for each todo, the time from the command service's 201 (the
 * transaction has committed) until the query service first returns it from a replica.
 *
 * Run with the system up (bin/run): java bench/CommitToVisible.java [count=300] [concurrency=4]
 * Single-file program on purpose: no build, no dependencies, runnable against any deployment by URL
 * (COMMAND_API_URL / QUERY_API_URL, default the local ports). Its bearer token comes from the client-credentials
 * grant (RFC 6749 §4.4) at AUTH_ISSUER_URI with AUTH_CLIENT_ID / AUTH_CLIENT_SECRET (.local/stack.env), fetched once:
 * a run must end within the token's lifetime (15 min locally).
 */
public class CommitToVisible {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static String bearer;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String commandApi = System.getenv().getOrDefault("COMMAND_API_URL", "http://127.0.0.1:8080");
        String queryApi = System.getenv().getOrDefault("QUERY_API_URL", "http://127.0.0.1:8081");
        HttpClient http = HttpClient.newHttpClient();
        bearer = "Bearer " + accessToken(http);

        for (int i = 0; i < 10; i++) { // warm-up: JIT, connection pools
            measure(http, commandApi, queryApi, "warm-up " + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> measure(http, commandApi, queryApi, "bench " + n)));
        }
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            micros[i] = futures.get(i).get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(micros);
        System.out.printf("commit-to-visible over %d todos (concurrency %d, %.1f todos/s):%n", count, concurrency,
                count / seconds);
        System.out.printf("  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n", pct(micros, 50), pct(micros, 90),
                pct(micros, 99), micros[count - 1] / 1000.0);
    }

    /** One token for the run: scopes todos:write (create) and read (poll). */
    private static String accessToken(HttpClient http) throws Exception {
        String issuer = System.getenv().getOrDefault("AUTH_ISSUER_URI", "http://127.0.0.1:9000");
        String client = System.getenv().getOrDefault("AUTH_CLIENT_ID", "cqrs-tests") + ":"
                + System.getenv().getOrDefault("AUTH_CLIENT_SECRET", "cqrs-tests-secret");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(client.getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=todos:write%20read"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token from " + issuer + ": " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /** Creates one todo and polls (every 2 ms, deadline 30 s) until a replica serves it; returns microseconds. */
    private static long measure(HttpClient http, String commandApi, String queryApi, String title) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(commandApi + "/api/todos"))
                .header("Content-Type", "application/json").header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long committed = System.nanoTime();
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create failed: " + created.statusCode() + " " + created.body());
        }
        Matcher m = ID.matcher(created.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + created.body());
        }
        HttpRequest read = HttpRequest.newBuilder(URI.create(queryApi + "/api/todos/" + m.group(1)))
                .header("Authorization", bearer).GET().build();
        long deadline = committed + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return (System.nanoTime() - committed) / 1000;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("todo " + m.group(1) + " not visible after 30 s");
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
