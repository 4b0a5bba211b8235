package dev.cqrs.command.employee;

import dev.cqrs.command.ApiClient;
import dev.cqrs.contracts.EventJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Employee commands and the hierarchy rules, on the real primary. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.relay.enabled=false")
class EmployeeCommandsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void hiresWithCaseInsensitiveCodesAndMovesBetweenManagers() throws Exception {
        assertThat(hire("boss" + run, null).statusCode()).isEqualTo(201);
        assertThat(hire("lead" + run, "BOSS" + run).statusCode()).isEqualTo(201);
        HttpResponse<String> dev = hire("dev" + run, "Lead" + run);
        assertThat(dev.statusCode()).isEqualTo(201);
        assertThat(EventJson.tree(dev.body()).get("code").asString()).isEqualTo("DEV" + run);

        var moved = api.send("PUT", "/api/employees/dev" + run + "/manager", "{\"managerCode\":\"boss" + run + "\"}",
                "If-Match", "\"1\"");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT manager_code FROM employee WHERE code = ?").param("DEV" + run)
                .query(String.class).single()).isEqualTo("BOSS" + run);
        assertThat(events("DEV" + run)).containsExactly("EmployeeHired:1", "EmployeeManagerChanged:2");
    }

    @Test
    void refusesCyclesSelfReportingAndInactiveOrUnknownManagers() throws Exception {
        hire("a" + run, null);
        hire("b" + run, "a" + run);
        hire("c" + run, "b" + run);

        var cycle = api.send("PUT", "/api/employees/a" + run + "/manager", "{\"managerCode\":\"c" + run + "\"}");
        assertThat(cycle.statusCode()).isEqualTo(409);
        assertThat(EventJson.tree(cycle.body()).get("title").asString()).isEqualTo("Reporting cycle");
        assertThat(api.send("PUT", "/api/employees/b" + run + "/manager", "{\"managerCode\":\"b" + run + "\"}")
                .statusCode()).isEqualTo(409);
        assertThat(hire("d" + run, "nobody" + run).statusCode()).isEqualTo(409);

        // b's only reportee moves away first: a manager with active reportees cannot leave (see below)
        assertThat(api.send("PUT", "/api/employees/c" + run + "/manager", "{\"managerCode\":\"a" + run + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(api.send("POST", "/api/employees/b" + run + "/terminate", "{\"lastWorkingDate\":\"2026-12-31\"}")
                .statusCode()).isEqualTo(200);
        var toLeaver = hire("e" + run, "b" + run);
        assertThat(toLeaver.statusCode()).isEqualTo(409);
        assertThat(EventJson.tree(toLeaver.body()).get("title").asString()).isEqualTo("Inactive manager");
        assertThat(events("A" + run)).containsExactly("EmployeeHired:1");
    }

    @Test
    void aBatchWithOneBadRowHiresNoOne() throws Exception {
        String batch = """
                {"employees":[
                  {"code":"x1%1$s","name":"X1","email":"x1@example.com","hireDate":"2026-01-01"},
                  {"code":"x2%1$s","name":"X2","email":"x2@example.com","managerCode":"x1%1$s","hireDate":"2026-01-01"},
                  {"code":"x3%1$s","name":"X3","email":"x3@example.com","managerCode":"ghost%1$s","hireDate":"2026-01-01"}
                ]}""".formatted(run);

        var response = api.send("POST", "/api/employees/batch", batch);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(EventJson.tree(response.body()).get("detail").asString()).startsWith("employees[2]");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM employee WHERE code LIKE ?").param("X_" + run)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE aggregate_id LIKE ?").param("X_" + run)
                .query(Long.class).single()).isZero();

        var good = api.send("POST", "/api/employees/batch", batch.replace("ghost" + run, "x2" + run));
        assertThat(good.statusCode()).isEqualTo(201);
        assertThat(EventJson.tree("{\"hired\":" + good.body() + "}").findValuesAsString("code"))
                .containsExactly("X1" + run, "X2" + run, "X3" + run);
    }

    @Test
    void validatesEveryField() throws Exception {
        var invalid = api.send("POST", "/api/employees",
                "{\"code\":\"bad code!\",\"name\":\"\",\"email\":\"not-an-email\",\"hireDate\":null}");

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(EventJson.tree(invalid.body()).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("code", "name", "email", "hireDate");
    }

    @Test
    void eightSimultaneousHiresOfOneNewCodeGiveOne201AndSeven409s() throws Exception {
        String code = "race" + run;
        Call[] eightHires = new Call[8];
        Arrays.fill(eightHires, (Call) () -> hire(code, null));
        List<HttpResponse<String>> calls = simultaneously(eightHires);
        List<Integer> statuses = calls.stream().map(HttpResponse::statusCode).toList();

        assertThat(statuses).as("statuses of 8 simultaneous hires").containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        calls.stream().filter(r -> r.statusCode() == 409).forEach(r ->
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json"));
        assertThat(events(code.toUpperCase())).containsExactly("EmployeeHired:1");
    }

    @Test
    void datesTheDatabaseCannotStoreAre400NamingTheFieldAndWriteNothing() throws Exception {
        for (String date : List.of("+10000-01-01", "-0001-01-01", "0000-12-31")) {
            var response = api.send("POST", "/api/employees", """
                    {"code":"d%s","name":"D","email":"d@example.com","hireDate":"%s"}""".formatted(run, date));
            assertThat(response.statusCode()).as(date).isEqualTo(400);
            assertThat(EventJson.tree(response.body()).get("errors").findValuesAsString("field"))
                    .containsExactly("hireDate");
        }
        var batch = api.send("POST", "/api/employees/batch", """
                {"employees":[{"code":"d%s","name":"D","email":"d@example.com","hireDate":"+10000-01-01"}]}"""
                .formatted(run));
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(EventJson.tree(batch.body()).get("errors").findValuesAsString("field"))
                .containsExactly("employees[0].hireDate");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM employee WHERE code = ?").param("D" + run)
                .query(Long.class).single()).isZero();

        hire("t" + run, null);
        for (String date : List.of("+10000-01-01", "-0001-01-01")) {
            var response = api.send("POST", "/api/employees/t" + run + "/terminate",
                    "{\"lastWorkingDate\":\"" + date + "\"}");
            assertThat(response.statusCode()).as(date).isEqualTo(400);
            assertThat(EventJson.tree(response.body()).get("errors").findValuesAsString("field"))
                    .containsExactly("lastWorkingDate");
        }
        assertThat(events("T" + run)).containsExactly("EmployeeHired:1");
        assertThat(api.send("POST", "/api/employees/t" + run + "/terminate",
                "{\"lastWorkingDate\":\"9999-12-31\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aManagerWithActiveReporteesCannotBeTerminatedUntilTheyAreMoved() throws Exception {
        hire("m" + run, null);
        hire("r1" + run, "m" + run);
        hire("r2" + run, "m" + run);
        hire("gone" + run, "m" + run);
        // a reportee who has left does not hold the manager back
        assertThat(api.send("POST", "/api/employees/gone" + run + "/terminate",
                "{\"lastWorkingDate\":\"2026-06-30\"}").statusCode()).isEqualTo(200);

        var refused = api.send("POST", "/api/employees/m" + run + "/terminate", "{\"lastWorkingDate\":\"2026-12-31\"}");

        assertThat(refused.statusCode()).isEqualTo(409);
        var problem = EventJson.tree(refused.body());
        assertThat(problem.get("title").asString()).isEqualTo("Active reportees");
        assertThat(problem.get("activeReportees").toString()).isEqualTo("[\"R1" + run + "\",\"R2" + run + "\"]");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM employee WHERE code = ? AND last_working_date IS NULL")
                .param("M" + run).query(Long.class).single()).as("still active").isEqualTo(1);
        assertThat(events("M" + run)).containsExactly("EmployeeHired:1");

        api.send("PUT", "/api/employees/r1" + run + "/manager", "{\"managerCode\":null}");
        api.send("PUT", "/api/employees/r2" + run + "/manager", "{\"managerCode\":\"r1" + run + "\"}");
        assertThat(api.send("POST", "/api/employees/m" + run + "/terminate", "{\"lastWorkingDate\":\"2026-12-31\"}")
                .statusCode()).as("no active reportees left").isEqualTo(200);
    }

    /**
     * A hire and a termination both read what their rule needs under the hierarchy lock. Sent together, either the
     * hires get in first (and the termination is refused for their sake) or the termination does (and the hires are
     * refused: inactive manager), never both.
     */
    @Test
    void hiresUnderAManagerAndTheManagersTerminationAtOnceNeverBothSucceed() throws Exception {
        for (int round = 0; round < 8; round++) {
            String manager = "tm" + round + run;
            String reportee = "th" + round + run;
            assertThat(hire(manager, null).statusCode()).isEqualTo(201);
            List<HttpResponse<String>> responses = simultaneously(
                    () -> hire(reportee + "a", manager),
                    () -> hire(reportee + "b", manager),
                    () -> api.send("POST", "/api/employees/" + manager + "/terminate",
                            "{\"lastWorkingDate\":\"2026-12-31\"}"));
            List<Integer> hires = List.of(responses.get(0).statusCode(), responses.get(1).statusCode());
            int termination = responses.get(2).statusCode();

            assertThat(hires).as("round %d hires", round).allMatch(s -> s == 201 || s == 409);
            if (termination == 200) {
                assertThat(hires).as("round %d: the termination went first", round).containsOnly(409);
            } else {
                assertThat(termination).as("round %d termination", round).isEqualTo(409);
                assertThat(hires).as("round %d: the termination was refused for a hire", round).contains(201);
            }
            assertThat(jdbc.sql("""
                            SELECT COUNT(*) FROM employee e JOIN employee m ON e.manager_code = m.code
                            WHERE m.code = ? AND m.last_working_date IS NOT NULL AND e.last_working_date IS NULL""")
                    .param(manager.toUpperCase()).query(Long.class).single())
                    .as("round %d: active reportees of a terminated manager", round).isZero();
        }
    }

    /**
     * Moves are serialised by the hierarchy lock. Two moves that lock disjoint rows (a under b, where b reports to c;
     * c under d, where d reports to a) would each pass its own cycle check and together close a→b→c→d→a; serialised,
     * the second sees the first and is refused.
     */
    @Test
    void twoMovesThatTogetherCloseACycleNeverBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            String a = "ca" + round + run;
            String b = "cb" + round + run;
            String c = "cc" + round + run;
            String d = "cd" + round + run;
            assertThat(List.of(hire(a, null), hire(c, null), hire(b, c), hire(d, a)))
                    .extracting(HttpResponse::statusCode).containsOnly(201);
            List<Integer> statuses = simultaneously(
                    () -> api.send("PUT", "/api/employees/" + a + "/manager", "{\"managerCode\":\"" + b + "\"}"),
                    () -> api.send("PUT", "/api/employees/" + c + "/manager", "{\"managerCode\":\"" + d + "\"}"))
                    .stream().map(HttpResponse::statusCode).toList();

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM employee WHERE code IN (?, ?) AND manager_code IS NULL")
                    .params(a.toUpperCase(), c.toUpperCase()).query(Long.class).single())
                    .as("round %d: one of a and c stays at the top", round).isEqualTo(1);
        }
    }

    /**
     * A move to someone being hired under the mover's own reportee: the move must see the hire (its manager and all)
     * before it checks for a cycle, or e → n → x → e is stored. Either the move comes first (n does not exist yet:
     * unknown manager) or the hire does (then the move is a cycle); never a 200.
     */
    @Test
    void aMoveToAnEmployeeBeingHiredUnderTheMoversReporteeIsNeverACycle() throws Exception {
        for (int round = 0; round < 8; round++) {
            String e = "me" + round + run;
            String x = "mx" + round + run;
            String n = "mn" + round + run;
            assertThat(List.of(hire(e, null), hire(x, e))).extracting(HttpResponse::statusCode).containsOnly(201);
            List<HttpResponse<String>> responses = simultaneously(
                    () -> hire(n, x),
                    () -> api.send("PUT", "/api/employees/" + e + "/manager", "{\"managerCode\":\"" + n + "\"}"));

            assertThat(responses.get(0).statusCode()).as("round %d hire", round).isEqualTo(201);
            assertThat(responses.get(1).statusCode()).as("round %d move: %s", round, responses.get(1).body())
                    .isEqualTo(409);
            assertThat(jdbc.sql("SELECT manager_code FROM employee WHERE code = ?").param(e.toUpperCase())
                    .query(String.class).optional()).as("round %d: e stays at the top", round).isEmpty();
        }
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Runs the calls on threads of their own, released together by a barrier; their responses in call order. */
    private static List<HttpResponse<String>> simultaneously(Call... calls) {
        var start = new CyclicBarrier(calls.length);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(calls.length)) {
            for (Call call : calls) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return call.send();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private HttpResponse<String> hire(String code, String manager) throws Exception {
        return api.send("POST", "/api/employees", """
                {"code":"%s","name":"N %s","email":"%s@example.com","jobTitle":"Engineer",%s"hireDate":"2026-01-15"}"""
                .formatted(code, code, code.toLowerCase(), manager == null ? "" : "\"managerCode\":\"" + manager + "\","));
    }

    private List<String> events(String code) {
        return jdbc.sql("SELECT CONCAT(event_type, ':', aggregate_version) FROM outbox WHERE aggregate_type = 'employee' "
                + "AND aggregate_id = ? ORDER BY id").param(code).query(String.class).list();
    }
}
