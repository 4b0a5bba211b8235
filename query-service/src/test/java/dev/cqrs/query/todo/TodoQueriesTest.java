package dev.cqrs.query.todo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration test on the local stack: rows written on the primary are read back over HTTP from a replica, through
 * the weighted replica hostname.
 */
class TodoQueriesTest extends TodoApiTest {

    private static final Duration REPLICATION_DEADLINE = Duration.ofSeconds(30);
    private static final SeededTodos seeded = new SeededTodos();

    @AfterAll
    static void removeSeededRows() throws Exception {
        seeded.close();
    }

    @Test
    void aRowWrittenOnThePrimaryIsServedByAReplicaWithItsExactTimestamps() throws Exception {
        TodoView todo = new TodoView(UUID.randomUUID().toString(), "Replicated todo", "with a description", true,
                Instant.parse("2026-11-21T19:30:00.123456Z"), Instant.parse("2026-11-21T19:31:02.000001Z"), 3);
        seeded.insert(todo);

        EntityExchangeResult<String> response = await().atMost(REPLICATION_DEADLINE)
                .until(() -> get("/api/todos/" + todo.id()), r -> r.getStatus() == HttpStatus.OK);

        assertThat(response.getResponseHeaders().getFirst("X-Served-By")).isIn("2", "3");
        assertThat(response.getResponseHeaders().getETag()).isEqualTo("\"3\"");
        JsonNode body = JSON.readTree(response.getResponseBody());
        assertThat(body.get("id").asString()).isEqualTo(todo.id());
        assertThat(body.get("title").asString()).isEqualTo("Replicated todo");
        assertThat(body.get("description").asString()).isEqualTo("with a description");
        assertThat(body.get("completed").asBoolean()).isTrue();
        assertThat(Instant.parse(body.get("createdAt").asString())).isEqualTo(todo.createdAt());
        assertThat(Instant.parse(body.get("updatedAt").asString())).isEqualTo(todo.updatedAt());
        assertThat(body.get("version").asLong()).isEqualTo(3);
        assertThat(body.size()).as("fields %s", body.propertyNames()).isEqualTo(7);

        http.get().uri("/api/todos/{id}", todo.id()).header("If-None-Match", "\"3\"").exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void anUnknownIdIsA404ProblemNamingTheReplicaAsked() throws Exception {
        String id = UUID.randomUUID().toString();

        EntityExchangeResult<String> response = get("/api/todos/" + id);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getResponseHeaders().getFirst("X-Served-By")).isIn("2", "3");
        JsonNode problem = JSON.readTree(response.getResponseBody());
        // RFC 9457: an absent type means about:blank, whose title is the status phrase.
        assertThat(problem.path("type").asString("about:blank")).isEqualTo("about:blank");
        assertThat(problem.get("title").asString()).isEqualTo("Not Found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).contains(id);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/todos/" + id);
    }

    @Test
    void pagesWalkTheListInCreationOrderWithoutDuplicatesOrGaps() throws Exception {
        // A random window far from other tests' rows; two rows share a created_at, so the id breaks the tie.
        Instant base = Instant.parse("2300-01-01T00:00:00Z")
                .plusSeconds(ThreadLocalRandom.current().nextLong(3_000_000_000L))
                .truncatedTo(ChronoUnit.MICROS);
        List<TodoView> mine = IntStream.range(0, 7)
                .mapToObj(i -> new TodoView(UUID.randomUUID().toString(), "page test " + i, null, false,
                        base.plus(i == 4 ? 3 : i, ChronoUnit.MICROS), base, 1))
                .toList();
        for (TodoView todo : mine) {
            seeded.insert(todo);
        }
        List<String> ids = mine.stream().map(TodoView::id).toList();
        await().atMost(REPLICATION_DEADLINE).until(() -> SeededTodos.countOn("REPLICA1_URL", ids) == ids.size()
                && SeededTodos.countOn("REPLICA2_URL", ids) == ids.size());
        List<String> expectedOrder = mine.stream()
                .sorted(Comparator.comparing(TodoView::createdAt).thenComparing(TodoView::id))
                .map(TodoView::id).toList();

        // Start just before the window (the cursor is opaque to clients, but this test lives beside it).
        String cursor = new TodoCursor(base.minus(1, ChronoUnit.MICROS), new UUID(0, 0).toString()).encode();
        List<String> walked = new ArrayList<>();
        int pages = 0;
        while (cursor != null && walked.size() < mine.size()) {
            EntityExchangeResult<String> response = get("/api/todos?limit=3&cursor=" + cursor);
            assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(response.getResponseHeaders().getFirst("X-Served-By")).isIn("2", "3");
            JsonNode page = JSON.readTree(response.getResponseBody());
            assertThat(page.get("items").size()).isBetween(1, 3);
            page.get("items").forEach(item -> walked.add(item.get("id").asString()));
            cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(walked.subList(0, mine.size())).containsExactlyElementsOf(expectedOrder);
        assertThat(walked).doesNotHaveDuplicates();
    }

    @Test
    void theFirstPageIsOrderedAndBoundedByTheLimit() throws Exception {
        EntityExchangeResult<String> response = get("/api/todos?limit=5");

        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        JsonNode items = JSON.readTree(response.getResponseBody()).get("items");
        assertThat(items.size()).isLessThanOrEqualTo(5);
        List<String> sortKeys = new ArrayList<>();
        items.forEach(item -> sortKeys.add(Instant.parse(item.get("createdAt").asString()) + " " + item.get("id")));
        assertThat(sortKeys).isSortedAccordingTo(Comparator.comparing((String key) -> Instant.parse(key.split(" ")[0]))
                .thenComparing(key -> key.split(" ")[1]));
    }

    @Test
    void aCursorWhoseInstantIsBeyondWhatDatetimeHoldsIsA400NamingAfter() throws Exception {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("+1000000000-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        EntityExchangeResult<String> response = get("/api/todos?cursor=" + cursor);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(response.getResponseBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").size()).isEqualTo(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void aBadLimitOrCursorIsA400ProblemNamingTheParameter() throws Exception {
        for (String query : List.of("limit=0", "limit=101", "limit=many", "cursor=not-a-cursor!")) {
            EntityExchangeResult<String> response = get("/api/todos?" + query);

            assertThat(response.getStatus()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getResponseHeaders().getContentType()).as(query)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = JSON.readTree(response.getResponseBody());
            assertThat(problem.get("status").asInt()).as(query).isEqualTo(400);
            assertThat(problem.get("instance").asString()).as(query).isEqualTo("/api/todos");
            assertThat(problem.get("errors").get(0).get("field").asString()).as(query)
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    private EntityExchangeResult<String> get(String uri) {
        return http.get().uri(uri).exchange().returnResult(String.class);
    }
}
