package dev.cqrs.e2e;

import dev.cqrs.contracts.observability.MetricNames;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.cqrs.e2e.SystemUnderTest.commandApi;
import static dev.cqrs.e2e.SystemUnderTest.get;
import static dev.cqrs.e2e.SystemUnderTest.json;
import static dev.cqrs.e2e.SystemUnderTest.postJson;
import static dev.cqrs.e2e.SystemUnderTest.queryApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the running system: one todo is ONE trace in Zipkin (its HTTP API) from the command's
 * request through the outbox relay to the projector's read-model write and the audit worker's item, in causal order;
 * and every service's {@code /actuator/prometheus} carries the metrics of {@link MetricNames}.
 */
class ObservabilityTest {

    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A Zipkin v2 span, the fields this test reads. */
    record ZipkinSpan(String service, String name, String id, String parentId, String kind, long timestamp,
                      long duration) {
        static ZipkinSpan of(JsonNode span) {
            return new ZipkinSpan(span.path("localEndpoint").path("serviceName").asString(""),
                    span.path("name").asString(""), span.path("id").asString(),
                    span.has("parentId") ? span.get("parentId").asString() : null,
                    span.path("kind").asString(""), span.path("timestamp").asLong(), span.path("duration").asLong());
        }
    }

    @Test
    void aCreatedTodoIsOneTraceFromTheRequestThroughTheRelayToTheReadModelAndTheAuditTrail() throws Exception {
        // The client starts the trace (W3C Trace Context), so the test knows its id before anything is reported.
        SecureRandom random = new SecureRandom();
        String traceId = hex(random, 16);
        String clientSpanId = hex(random, 8);
        HttpResponse<String> created = SystemUnderTest.command("POST", "/api/todos",
                "{\"title\":\"traced " + UUID.randomUUID() + "\"}",
                "traceparent", "00-" + traceId + "-" + clientSpanId + "-01");
        assertThat(created.statusCode()).isEqualTo(201);

        String zipkin = StackEnv.require("ZIPKIN_URL");
        List<ZipkinSpan> spans = await("the trace in Zipkin with the projector's and the audit worker's spans")
                .atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> trace(zipkin, traceId), found -> has(found, "projector", "apply todo")
                        && has(found, "audit-worker", "record todocreated")
                        && has(found, "command-service", "publish todocreated")
                        // complete: each service reports a span when it ends, so a parent may arrive after its child
                        && found.stream().allMatch(span -> span.parentId() == null
                                || span.parentId().equals(clientSpanId)
                                || found.stream().anyMatch(parent -> parent.id().equals(span.parentId()))));
        spans.forEach(span -> System.out.printf("%-16s %-34s %8.1f ms  %s%n", span.service(), span.name(),
                span.duration() / 1000.0, span.kind()));

        ZipkinSpan request = spans.stream()
                .filter(s -> s.service().equals("command-service") && "SERVER".equals(s.kind())).findFirst()
                .orElseThrow(() -> new AssertionError("no server span of command-service in " + spans));
        assertThat(request.parentId()).as("the command's request continues the client's span").isEqualTo(clientSpanId);
        ZipkinSpan command = only(spans, "command-service", "createtodo");
        ZipkinSpan publish = only(spans, "command-service", "publish todocreated");
        ZipkinSpan project = only(spans, "projector", "project todocreated");
        ZipkinSpan apply = only(spans, "projector", "apply todo");
        ZipkinSpan record = only(spans, "audit-worker", "record todocreated");
        ZipkinSpan listener = byId(spans, record.parentId());

        // causal order: each hop is a descendant of the one before it and does not start before it
        assertThat(ancestors(spans, command)).contains(request);
        assertThat(ancestors(spans, publish)).as("the relay continues the command's context from the outbox row")
                .contains(command);
        assertThat(project.parentId()).as("the projector continues the SNS/SQS traceparent").isEqualTo(publish.id());
        assertThat(apply.parentId()).isEqualTo(project.id());
        assertThat(listener.service()).isEqualTo("audit-worker");
        assertThat(listener.parentId()).as("the audit worker continues the SNS/SQS traceparent").isEqualTo(publish.id());
        assertThat(request.timestamp()).isLessThanOrEqualTo(command.timestamp());
        assertThat(command.timestamp()).isLessThanOrEqualTo(publish.timestamp());
        assertThat(publish.timestamp()).isLessThanOrEqualTo(project.timestamp())
                .isLessThanOrEqualTo(apply.timestamp());
        assertThat(publish.timestamp()).isLessThanOrEqualTo(listener.timestamp())
                .isLessThanOrEqualTo(record.timestamp());
    }

    @Test
    void everyServiceExposesItsMetricsOnActuatorPrometheus() throws Exception {
        // Traffic first, so that the meters registered on first use exist: a command (relay publish), its
        // projection and audit item, and a query whose consistency token is never reached (a wait, then 503).
        HttpResponse<String> created = postJson(commandApi() + "/api/todos",
                "{\"title\":\"metered " + UUID.randomUUID() + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> get(queryApi() + "/api/audit?entityType=todo&entityId=" + id),
                        r -> r.statusCode() == 200 && json(r).get("items").size() > 0);
        HttpResponse<String> notYet = get(queryApi() + "/api/todos/" + id,
                "X-Consistency-Token", "999");
        assertThat(notYet.statusCode()).isEqualTo(503);

        Map<String, List<String>> expected = Map.of(
                StackEnv.require("COMMAND_API_URL"), MetricNames.COMMAND_SERVICE,
                StackEnv.require("QUERY_API_URL"), MetricNames.QUERY_SERVICE,
                StackEnv.require("AUDIT_WORKER_URL"), MetricNames.AUDIT_WORKER,
                StackEnv.require("PROJECTOR_RUNNER_URL"), MetricNames.PROJECTOR);
        for (var service : expected.entrySet()) {
            HttpResponse<String> scrape = get(service.getKey() + "/actuator/prometheus");
            assertThat(scrape.statusCode()).as(service.getKey()).isEqualTo(200);
            for (String series : service.getValue()) {
                assertThat(scrape.body()).as(service.getKey() + " exposes " + series)
                        .containsPattern("(?m)^" + series + "[{ ]");
            }
            assertThat(get(service.getKey() + "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get(service.getKey() + "/actuator/health/readiness").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> projector = get(StackEnv.require("PROJECTOR_RUNNER_URL") + "/actuator/prometheus");
        assertThat(projector.body()).contains("projection=\"todo\"", "outcome=\"applied\"");
        HttpResponse<String> query = get(StackEnv.require("QUERY_API_URL") + "/actuator/prometheus");
        assertThat(query.body()).containsPattern("consistency_wait_seconds_count\\{[^}]*outcome=\"unavailable\"");
    }

    private static List<ZipkinSpan> trace(String zipkin, String traceId) throws Exception {
        HttpResponse<String> response = get(zipkin + "/api/v2/trace/" + traceId);
        List<ZipkinSpan> spans = new ArrayList<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).forEach(span -> spans.add(ZipkinSpan.of(span)));
        }
        return spans;
    }

    private static boolean has(List<ZipkinSpan> spans, String service, String name) {
        return spans.stream().anyMatch(s -> s.service().equals(service) && s.name().equals(name));
    }

    private static ZipkinSpan only(List<ZipkinSpan> spans, String service, String name) {
        List<ZipkinSpan> matching = spans.stream()
                .filter(s -> s.service().equals(service) && s.name().equals(name)).toList();
        assertThat(matching).as(service + " " + name + " in " + spans).hasSize(1);
        return matching.get(0);
    }

    private static ZipkinSpan byId(List<ZipkinSpan> spans, String id) {
        return spans.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + id + " in " + spans));
    }

    private static List<ZipkinSpan> ancestors(List<ZipkinSpan> spans, ZipkinSpan span) {
        List<ZipkinSpan> chain = new ArrayList<>();
        Optional<ZipkinSpan> parent = Optional.ofNullable(span.parentId())
                .flatMap(id -> spans.stream().filter(s -> s.id().equals(id)).findFirst());
        while (parent.isPresent()) {
            chain.add(parent.get());
            parent = Optional.ofNullable(parent.get().parentId())
                    .flatMap(id -> spans.stream().filter(s -> s.id().equals(id)).findFirst());
        }
        return chain;
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
