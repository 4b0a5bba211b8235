package dev.cqrs.query.todo;

import dev.cqrs.query.consistency.ConsistencyToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test on the local stack: a query carrying a consistency token waits for the replicas to reach that
 * version, while the test plays the projector and writes the newer version on the primary during the wait.
 */
class TodoReadYourWritesTest extends TodoApiTest {

    /** queries.consistency-wait's default. */
    private static final Duration BOUND = Duration.ofSeconds(2);
    /** How long after the request starts the newer version is written: well inside the bound. */
    private static final long WRITE_DELAY_MS = 300;
    private static final SeededTodos seeded = new SeededTodos();

    @AfterAll
    static void removeSeededRows() throws Exception {
        seeded.close();
    }

    @Test
    void waitsUntilTheReplicaHasReachedTheTokenAndAnswersThatVersion() throws Exception {
        TodoView todo = seedReplicatedAtVersion1("before the edit");

        // The scheduled write is the scenario (a projector applying the event while the query waits), not a pause
        // standing in for a condition.
        CompletableFuture<Instant> written = CompletableFuture.supplyAsync(() -> {
            try {
                SeededTodos.update(todo.id(), "after the edit", 2, false);
                return Instant.now();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(WRITE_DELAY_MS, TimeUnit.MILLISECONDS));
        EntityExchangeResult<String> response = get(todo.id(), "2");
        Instant answered = Instant.now();

        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        JsonNode body = JSON.readTree(response.getResponseBody());
        assertThat(body.get("version").asLong()).as("the version the replica had when the request came was 1")
                .isEqualTo(2);
        assertThat(body.get("title").asString()).isEqualTo("after the edit");
        assertThat(response.getResponseHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(response.getResponseHeaders().getFirst("X-Served-By")).isIn("2", "3");
        assertThat(written.get(5, TimeUnit.SECONDS)).isBefore(answered);
    }

    @Test
    void aTokenAlreadyReachedIsAnsweredAtOnceWithTheCurrentVersion() throws Exception {
        TodoView todo = seedReplicatedAtVersion1("current");

        EntityExchangeResult<String> response = get(todo.id(), "1");

        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(response.getResponseBody()).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aTokenNeverReachedIsA503WithRetryAfterWithinTheBoundNeverTheStaleRow() throws Exception {
        TodoView todo = seedReplicatedAtVersion1("stays at version 1");

        long started = System.nanoTime();
        EntityExchangeResult<String> response = get(todo.id(), "99");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(response.getResponseBody());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).contains(todo.id());
        assertThat(problem.has("version")).as("no todo data in the problem").isFalse();
        assertThat(took).as("waited the bound, and not much longer").isBetween(BOUND, BOUND.plusSeconds(3));
    }

    @Test
    void aTodoNotProjectedYetIsWaitedForToo() {
        long started = System.nanoTime();
        EntityExchangeResult<String> response = get(UUID.randomUUID().toString(), "1");

        assertThat(response.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(BOUND);
    }

    @Test
    void aTombstoneThatReachedTheTokenMeansDeleted() throws Exception {
        TodoView todo = seedReplicatedAtVersion1("to be deleted");
        SeededTodos.update(todo.id(), "to be deleted", 2, true);

        EntityExchangeResult<String> response = get(todo.id(), "2");

        assertThat(response.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenThatIsNotAVersionIsA400ProblemNamingTheHeader() throws Exception {
        String id = UUID.randomUUID().toString();
        for (String token : List.of("abc", "0", "-3", "1.5")) {
            EntityExchangeResult<String> response = get(id, token);

            assertThat(response.getStatus()).as(token).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getResponseHeaders().getContentType()).as(token)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = JSON.readTree(response.getResponseBody());
            assertThat(problem.get("errors").get(0).get("field").asString()).as(token)
                    .isEqualTo(ConsistencyToken.HEADER);
        }
    }

    private static TodoView seedReplicatedAtVersion1(String title) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TodoView todo = new TodoView(UUID.randomUUID().toString(), title, null, false, now, now, 1);
        seeded.insert(todo);
        SeededTodos.awaitReplicatedVersion(todo.id(), 1);
        return todo;
    }

    private EntityExchangeResult<String> get(String id, String token) {
        return http.get().uri("/api/todos/{id}", id).header(ConsistencyToken.HEADER, token).exchange()
                .returnResult(String.class);
    }
}
