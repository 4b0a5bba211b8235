package dev.cqrs.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.cqrs.e2e.SystemUnderTest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Employees through the running system: hierarchy rules on the write side, the DynamoDB model on the read side. */
class EmployeesTest {

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    void aManagerChangeIsSeenAtomicallyByAConcurrentReader() throws Exception {
        String a = "MA" + run, b = "MB" + run, e = "EM" + run;
        var hired = command("POST", "/api/employees/batch", """
                {"employees":[
                  {"code":"%s","name":"Manager A","email":"a@example.com","hireDate":"2026-01-01"},
                  {"code":"%s","name":"Manager B","email":"b@example.com","hireDate":"2026-01-01"},
                  {"code":"%s","name":"Moving Employee","email":"e@example.com","managerCode":"%s","hireDate":"2026-01-01"}
                ]}""".formatted(a, b, e, a));
        assertThat(hired.statusCode()).isEqualTo(201);
        assertThat(query("/api/employees/" + e.toLowerCase(), "X-Consistency-Token", "1").statusCode()).isEqualTo(200);

        AtomicBoolean moving = new AtomicBoolean(true);
        AtomicInteger samples = new AtomicInteger();
        List<String> violations = new ArrayList<>();
        var reader = CompletableFuture.runAsync(() -> {
            try {
                while (moving.get()) {
                    // a sample counts only if the employee's version did not change while both lists were read. The
                    // reader asks the service itself, not through a validating proxy (bin/contract-proxy): its four
                    // reads must fit between two moves, and a proxy hop on each starves it of clean samples; the
                    // writer's reads and the checks below go through the proxy as every other call does.
                    long before = version(e, DIRECT);
                    int underA = occurrences(a, e, DIRECT);
                    int underB = occurrences(b, e, DIRECT);
                    if (version(e, DIRECT) == before) {
                        samples.incrementAndGet();
                        if (underA + underB != 1) {
                            synchronized (violations) {
                                violations.add("version " + before + ": under A " + underA + ", under B " + underB);
                            }
                        }
                    }
                }
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        HttpResponse<String> last = null;
        // at least 20 moves, and on until the reader has taken enough clean samples (bounded)
        for (int i = 0; i < 20 || (samples.get() < 30 && i < 400); i++) {
            last = command("PUT", "/api/employees/" + e + "/manager",
                    "{\"managerCode\":\"" + (i % 2 == 0 ? b : a) + "\"}");
            assertThat(last.statusCode()).isEqualTo(200);
            // pace the writer by its own visibility, as a real client reading its writes would
            assertThat(query("/api/employees/" + e, "X-Consistency-Token", header(last, "X-Consistency-Token"))
                    .statusCode()).isEqualTo(200);
        }
        query("/api/employees/" + e, "X-Consistency-Token", header(last, "X-Consistency-Token"));
        moving.set(false);
        reader.get();

        assertThat(violations).as("never twice, never missing").isEmpty();
        assertThat(samples.get()).as("the reader really sampled").isGreaterThanOrEqualTo(30);
        String finalManager = json(query("/api/employees/" + e)).get("managerCode").asString();
        assertThat(occurrences(a, e) + occurrences(b, e)).isEqualTo(1);
        assertThat(occurrences(finalManager, e)).isEqualTo(1);
        assertThat(json(query("/api/employees/" + e + "/chain")).get("managers").findValuesAsString("code"))
                .containsExactly(finalManager);
    }

    @Test
    void cyclesAreRejectedAndTerminationDropsTheReportee() throws Exception {
        String top = "TP" + run, mid = "MD" + run, low = "LW" + run;
        command("POST", "/api/employees/batch", """
                {"employees":[
                  {"code":"%s","name":"Top","email":"t@example.com","hireDate":"2026-01-01"},
                  {"code":"%s","name":"Mid","email":"m@example.com","managerCode":"%s","hireDate":"2026-01-01"},
                  {"code":"%s","name":"Low","email":"l@example.com","managerCode":"%s","hireDate":"2026-01-01"}
                ]}""".formatted(top, mid, top, low, mid));

        var cycle = command("PUT", "/api/employees/" + top + "/manager", "{\"managerCode\":\"" + low + "\"}");
        assertThat(cycle.statusCode()).isEqualTo(409);
        assertThat(json(cycle).get("title").asString()).isEqualTo("Reporting cycle");

        var chain = await().atMost(Duration.ofSeconds(30))
                .until(() -> query("/api/employees/" + low + "/chain"), r -> r.statusCode() == 200);
        assertThat(json(chain).get("managers").findValuesAsString("code")).containsExactly(mid, top);

        var terminated = command("POST", "/api/employees/" + low + "/terminate", "{\"lastWorkingDate\":\"2026-12-31\"}");
        assertThat(terminated.statusCode()).isEqualTo(200);
        var employee = query("/api/employees/" + low, "X-Consistency-Token", header(terminated, "X-Consistency-Token"));
        assertThat(json(employee).get("lastWorkingDate").asString()).isEqualTo("2026-12-31");
        assertThat(occurrences(mid, low)).isZero();
    }

    @Test
    void aBatchWithOneBadRowWritesNothing() throws Exception {
        var response = command("POST", "/api/employees/batch", """
                {"employees":[
                  {"code":"B1%1$s","name":"B1","email":"b1@example.com","hireDate":"2026-01-01"},
                  {"code":"B2%1$s","name":"B2","email":"b2@example.com","managerCode":"NOBODY%1$s","hireDate":"2026-01-01"}
                ]}""".formatted(run));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(countOnPrimary("SELECT COUNT(*) FROM command_db.employee WHERE code = ?", "B1" + run)).isZero();
        assertThat(countOnPrimary("SELECT COUNT(*) FROM command_db.outbox WHERE aggregate_id = ?", "B1" + run)).isZero();
        assertThat(query("/api/employees/B1" + run).statusCode()).isEqualTo(404);
    }

    @Test
    void reporteesArePaginated() throws Exception {
        String boss = "PB" + run;
        StringBuilder rows = new StringBuilder("{\"code\":\"%s\",\"name\":\"Boss\",\"email\":\"p@example.com\",\"hireDate\":\"2026-01-01\"}".formatted(boss));
        for (int i = 0; i < 5; i++) {
            rows.append(",{\"code\":\"R%d%s\",\"name\":\"R%d\",\"email\":\"r%d@example.com\",\"managerCode\":\"%s\",\"hireDate\":\"2026-01-01\"}"
                    .formatted(i, run, i, i, boss));
        }
        assertThat(command("POST", "/api/employees/batch", "{\"employees\":[" + rows + "]}").statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(
                () -> json(query("/api/employees/" + boss + "/reportees?limit=100")).get("items").size() == 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(query("/api/employees/" + boss + "/reportees?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(page.get("items").findValuesAsString("code"));
            cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrder("R0" + run, "R1" + run, "R2" + run, "R3" + run, "R4" + run);
    }

    /** Reads straight from the query service, past any validating proxy. */
    private static final boolean DIRECT = true;

    private static long version(String code, boolean direct) throws Exception {
        return json(read("/api/employees/" + code, direct)).get("version").asLong();
    }

    private static int occurrences(String manager, String code) throws Exception {
        return occurrences(manager, code, false);
    }

    private static int occurrences(String manager, String code, boolean direct) throws Exception {
        var page = json(read("/api/employees/" + manager + "/reportees?limit=100", direct));
        return (int) page.get("items").findValuesAsString("code").stream().filter(code::equals).count();
    }

    private static HttpResponse<String> read(String path, boolean direct) throws Exception {
        return direct ? get(StackEnv.require("QUERY_API_URL") + path) : query(path);
    }
}
