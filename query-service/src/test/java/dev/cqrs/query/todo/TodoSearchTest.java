package dev.cqrs.query.todo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test on the local stack: filters, title search and tombstones of the todo list, on rows written on the
 * primary and read back from the replicas. Every title carries a random marker, so other tests' rows never match.
 */
class TodoSearchTest extends TodoApiTest {

    private static final SeededTodos seeded = new SeededTodos();

    private final String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant base = Instant.parse("2200-01-01T00:00:00Z")
            .plusSeconds(ThreadLocalRandom.current().nextLong(3_000_000_000L)).truncatedTo(ChronoUnit.MICROS);

    @AfterAll
    static void removeSeededRows() throws Exception {
        seeded.close();
    }

    @Test
    void filtersByCompletedAndPagesThroughTheFilteredListInCreationOrder() throws Exception {
        List<TodoView> todos = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            todos.add(todo(i, "Task " + i + " " + marker, i % 2 == 0)); // 0, 2, 4 completed
        }
        seedAndReplicate(todos, List.of());

        assertThat(walk(Map.of("completed", "true", "q", marker), 2)).containsExactly(
                List.of(todos.get(0).id(), todos.get(2).id()), List.of(todos.get(4).id()));
        assertThat(walk(Map.of("completed", "false", "q", marker), 2)).containsExactly(
                List.of(todos.get(1).id(), todos.get(3).id()), List.of(todos.get(5).id()));
        assertThat(walk(Map.of("q", marker), 4)).containsExactly(
                List.of(todos.get(0).id(), todos.get(1).id(), todos.get(2).id(), todos.get(3).id()),
                List.of(todos.get(4).id(), todos.get(5).id()));
    }

    @Test
    void searchesTheTitleForASubstringIgnoringCase() throws Exception {
        TodoView shouting = todo(0, "BUY MILK " + marker.toUpperCase() + "!", false);
        TodoView quiet = todo(1, "please buy milk " + marker + " (today)", true);
        TodoView other = todo(2, "buy bread " + marker, false);
        seedAndReplicate(List.of(shouting, quiet, other), List.of());

        assertThat(firstPageIds(Map.of("q", "bUy MiLk " + marker.toUpperCase()))).containsExactly(shouting.id(), quiet.id());
        assertThat(firstPageIds(Map.of("q", marker + " (TODAY"))).containsExactly(quiet.id());
    }

    @Test
    void percentAndUnderscoreInTheSearchAreLiteralCharactersNotWildcards() throws Exception {
        TodoView percent = todo(0, marker + " 100% sure", false);
        TodoView digits = todo(1, marker + " 1000 sure", false);
        TodoView underscore = todo(2, marker + " a_c", false);
        TodoView letters = todo(3, marker + " abc", false);
        TodoView bang = todo(4, marker + " wow! ok", false);
        seedAndReplicate(List.of(percent, digits, underscore, letters, bang), List.of());

        assertThat(firstPageIds(Map.of("q", marker + " 100%"))).containsExactly(percent.id());
        assertThat(firstPageIds(Map.of("q", marker + " a_c"))).containsExactly(underscore.id());
        assertThat(firstPageIds(Map.of("q", marker + " %"))).isEmpty();
        assertThat(firstPageIds(Map.of("q", marker + " _"))).isEmpty();
        assertThat(firstPageIds(Map.of("q", "wow! ok"))).containsExactly(bang.id());
    }

    @Test
    void aTombstoneIsNotFoundAndNeverListed() throws Exception {
        TodoView live = todo(0, "live " + marker, true);
        TodoView deleted = todo(1, "deleted " + marker, true);
        seedAndReplicate(List.of(live), List.of(deleted));

        EntityExchangeResult<String> get = get(URI.create("/api/todos/" + deleted.id()));
        assertThat(get.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get(URI.create("/api/todos/" + live.id())).getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(firstPageIds(Map.of("q", marker))).containsExactly(live.id());
        assertThat(firstPageIds(Map.of("q", marker, "completed", "true"))).containsExactly(live.id());
    }

    @Test
    void badFilterValuesAreA400ProblemListingEachField() throws Exception {
        EntityExchangeResult<String> response = get(UriComponentsBuilder.fromPath("/api/todos")
                .queryParam("completed", "perhaps").build().toUri());
        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(response)).containsExactly("completed");

        response = get(UriComponentsBuilder.fromPath("/api/todos")
                .queryParam("q", "x".repeat(201)).queryParam("limit", 0).build().toUri());
        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(errorFields(response)).containsExactlyInAnyOrder("q", "limit");

        response = get(URI.create("/api/todos/not-a-uuid"));
        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(response)).containsExactly("id");
    }

    private TodoView todo(int position, String title, boolean completed) {
        Instant created = base.plus(position, ChronoUnit.MILLIS);
        return new TodoView(UUID.randomUUID().toString(), title, null, completed, created, created, 1);
    }

    private static void seedAndReplicate(List<TodoView> live, List<TodoView> tombstones) throws Exception {
        List<String> ids = new ArrayList<>();
        for (TodoView todo : live) {
            seeded.insert(todo);
            ids.add(todo.id());
        }
        for (TodoView todo : tombstones) {
            seeded.insert(todo, true);
            ids.add(todo.id());
        }
        SeededTodos.awaitReplicated(ids);
    }

    /** Every page of the filtered list, as lists of ids. */
    private List<List<String>> walk(Map<String, String> filters, int limit) throws Exception {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/todos").queryParam("limit", limit);
            filters.forEach(uri::queryParam);
            if (cursor != null) {
                uri.queryParam("cursor", cursor);
            }
            EntityExchangeResult<String> response = get(uri.encode().build().toUri());
            assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
            JsonNode page = JSON.readTree(response.getResponseBody());
            List<String> ids = new ArrayList<>();
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
            pages.add(ids);
            cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
        } while (cursor != null && pages.size() < 10);
        return pages;
    }

    private List<String> firstPageIds(Map<String, String> filters) throws Exception {
        return walk(filters, 100).getFirst();
    }

    private static List<String> errorFields(EntityExchangeResult<String> response) throws Exception {
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.getResponseBody()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private EntityExchangeResult<String> get(URI uri) {
        return http.get().uri(uri).exchange().returnResult(String.class);
    }
}
