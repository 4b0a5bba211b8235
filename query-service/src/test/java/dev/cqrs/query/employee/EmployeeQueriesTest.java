package dev.cqrs.query.employee;

import dev.cqrs.query.ApiClients;
import dev.cqrs.query.consistency.ConsistencyToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test on the local DynamoDB: employee, reportee and chain queries over items seeded as the projector
 * writes them. Codes carry a random prefix, so other tests' items never interfere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmployeeQueriesTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    RestTestClient http;
    private final SeededEmployees seeded = new SeededEmployees();
    /** e.g. "QA1B2C3D": codes below are at most 8 + 4 characters, within the 20 allowed. */
    private final String run = "Q" + UUID.randomUUID().toString().substring(0, 7).toUpperCase(Locale.ROOT);

    @BeforeEach
    void client() {
        http = ApiClients.reader(port);
    }

    @AfterEach
    void removeItems() {
        seeded.close();
    }

    @Test
    void getsAnEmployeeByCodeInAnyCaseWithItsVersionAsETag() throws Exception {
        seeded.employee(run + "-TOP", "Alan Top", null, null, 1);
        seeded.employee(run + "-E1", "Ada Lovelace", run + "-TOP", null, 3);

        EntityExchangeResult<String> response = get("/api/employees/" + (run + "-e1").toLowerCase(Locale.ROOT));

        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(response.getResponseHeaders().getETag()).isEqualTo("\"3\"");
        JsonNode body = JSON.readTree(response.getResponseBody());
        assertThat(body.get("code").asString()).isEqualTo(run + "-E1");
        assertThat(body.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(body.get("email").asString()).isEqualTo((run + "-e1").toLowerCase(Locale.ROOT) + "@example.com");
        assertThat(body.get("jobTitle").asString()).isEqualTo("Engineer");
        assertThat(body.get("managerCode").asString()).isEqualTo(run + "-TOP");
        assertThat(body.get("hireDate").asString()).isEqualTo("2026-01-05");
        assertThat(body.get("lastWorkingDate").isNull()).isTrue();
        assertThat(body.get("version").asLong()).isEqualTo(3);

        http.get().uri("/api/employees/{code}", run + "-E1").header("If-None-Match", "\"3\"").exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void listsTheActiveDirectReporteesInCodeOrderOnePageAtATime() throws Exception {
        seeded.employee(run + "-TOP", "Top", null, null, 1);
        seeded.employee(run + "-MGR", "Manager", run + "-TOP", null, 1);
        for (String n : List.of("5", "2", "4", "1", "3")) {
            seeded.employee(run + "-D" + n, "Dev " + n, run + "-MGR", null, 1);
        }
        seeded.employee(run + "-D6", "Terminated dev", run + "-MGR", "2026-06-30", 2);
        seeded.employee(run + "-X1", "Reports elsewhere", run + "-TOP", null, 1);

        List<Integer> pageSizes = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        String cursor = null;
        do {
            EntityExchangeResult<String> response = get("/api/employees/" + run.toLowerCase(Locale.ROOT)
                    + "-mgr/reportees?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
            JsonNode page = JSON.readTree(response.getResponseBody());
            pageSizes.add(page.get("items").size());
            page.get("items").forEach(item -> codes.add(item.get("code").asString()));
            cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(codes).containsExactly(run + "-D1", run + "-D2", run + "-D3", run + "-D4", run + "-D5");
        JsonNode all = JSON.readTree(get("/api/employees/" + run + "-MGR/reportees").getResponseBody());
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("name").asString()).isEqualTo("Dev 1");
        assertThat(first.get("email").asString()).endsWith("@example.com");
        assertThat(first.get("hireDate").asString()).isEqualTo("2026-01-05");
        assertThat(all.path("nextCursor").isString()).isFalse();
        assertThat(JSON.readTree(get("/api/employees/" + run + "-D1/reportees").getResponseBody()).get("items")
                .size()).isZero();
    }

    @Test
    void theChainRunsFromTheDirectManagerToTheTop() throws Exception {
        seeded.employee(run + "-TOP", "Top", null, null, 1);
        seeded.employee(run + "-VP", "Vice", run + "-TOP", null, 1);
        seeded.employee(run + "-MGR", "Manager", run + "-VP", null, 2);
        seeded.employee(run + "-D1", "Dev", run + "-MGR", null, 1);

        JsonNode chain = JSON.readTree(get("/api/employees/" + run.toLowerCase(Locale.ROOT) + "-d1/chain")
                .getResponseBody());

        assertThat(chain.get("code").asString()).isEqualTo(run + "-D1");
        assertThat(chain.get("managers").findValuesAsString("code"))
                .containsExactly(run + "-MGR", run + "-VP", run + "-TOP");
        assertThat(chain.get("managers").get(0).get("version").asLong()).isEqualTo(2);
        assertThat(chain.get("truncated").asBoolean()).isFalse();
        JsonNode top = JSON.readTree(get("/api/employees/" + run + "-TOP/chain").getResponseBody());
        assertThat(top.get("managers").size()).isZero();
    }

    @Test
    void aChainCaughtMidUpdateIsA503WithRetryAfterNotAWrongChain() {
        seeded.employee(run + "-ORPH", "Manager not projected yet", run + "-GONE", null, 1);
        seeded.employee(run + "-A", "A", run + "-B", null, 2);
        seeded.employee(run + "-B", "B", run + "-A", null, 2);

        for (String code : List.of(run + "-ORPH", run + "-A")) {
            EntityExchangeResult<String> response = get("/api/employees/" + code + "/chain");

            assertThat(response.getStatus()).as(code).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getResponseHeaders().getFirst("Retry-After")).as(code).isEqualTo("1");
            assertThat(response.getResponseHeaders().getContentType()).as(code)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void unknownEmployeesAre404Problems() throws Exception {
        for (String path : List.of("", "/reportees", "/chain")) {
            String uri = "/api/employees/" + run + "-NOBODY" + path;
            EntityExchangeResult<String> response = get(uri);

            assertThat(response.getStatus()).as(uri).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getResponseHeaders().getContentType()).as(uri)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = JSON.readTree(response.getResponseBody());
            assertThat(problem.get("detail").asString()).as(uri).contains(run + "-NOBODY");
            assertThat(problem.get("instance").asString()).as(uri).isEqualTo(uri);
        }
    }

    @Test
    void badCodesLimitsAndCursorsAre400ProblemsListingEachField() throws Exception {
        assertThat(errorFields(get("/api/employees/-bad"))).containsExactly("code");
        assertThat(errorFields(get("/api/employees/" + "X".repeat(21) + "/chain"))).containsExactly("code");
        assertThat(errorFields(get("/api/employees/_x_/reportees?limit=0"))).containsExactlyInAnyOrder("code", "limit");
        assertThat(errorFields(get("/api/employees/E1/reportees?limit=101"))).containsExactly("limit");
        assertThat(errorFields(get("/api/employees/E1/reportees?cursor=%25%25"))).containsExactly("cursor");
        assertThat(errorFields(get("/api/employees/E1/reportees?limit=lots"))).containsExactly("limit");
    }

    @Test
    void aConsistencyTokenWaitsForTheVersionWithConsistentReads() throws Exception {
        seeded.employee(run + "-E1", "Before", null, null, 1);

        // The scheduled write is the scenario (the projector applying an event during the wait), not a pause.
        CompletableFuture<Instant> written = CompletableFuture.supplyAsync(() -> {
            seeded.rename(run + "-E1", "After", 2);
            return Instant.now();
        }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        EntityExchangeResult<String> response = getWithToken(run.toLowerCase(Locale.ROOT) + "-e1", "2");
        Instant answered = Instant.now();

        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        JsonNode body = JSON.readTree(response.getResponseBody());
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(body.get("name").asString()).isEqualTo("After");
        assertThat(response.getResponseHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(written.get(5, TimeUnit.SECONDS)).isBefore(answered);
    }

    @Test
    void aConsistencyTokenNeverReachedIsA503WithRetryAfterWithinTheBound() throws Exception {
        seeded.employee(run + "-E1", "Stays at 1", null, null, 1);

        long started = System.nanoTime();
        EntityExchangeResult<String> response = getWithToken(run + "-E1", "7");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(JSON.readTree(response.getResponseBody()).has("name")).isFalse();
        assertThat(took).isBetween(BOUND, BOUND.plusSeconds(3));
        assertThat(errorFields(getWithToken(run + "-E1", "soon"))).containsExactly(ConsistencyToken.HEADER);
    }

    private static List<String> errorFields(EntityExchangeResult<String> response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.getResponseBody()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private EntityExchangeResult<String> getWithToken(String code, String token) {
        return http.get().uri("/api/employees/{code}", code).header(ConsistencyToken.HEADER, token).exchange()
                .returnResult(String.class);
    }

    private EntityExchangeResult<String> get(String uri) {
        return http.get().uri(uri).exchange().returnResult(String.class);
    }
}
