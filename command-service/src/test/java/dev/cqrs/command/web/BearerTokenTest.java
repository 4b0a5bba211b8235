package dev.cqrs.command.web;

import dev.cqrs.command.ApiClient;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.audit.AuditMessageRecorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may command, and as whom it is recorded, against the real primary and an issuer the test controls
 * ({@link TestIssuer}, so any subject and an expired token can be minted): no token, an expired one, one of another
 * issuer or signed by an unknown key is 401; a token without the endpoint's scope is 403 and writes nothing; the
 * actor is the token's subject and {@code X-User-Id} means nothing; idempotency keys of two subjects never meet.
 * All errors are problem details. (The real issuer's tokens: every other API test, through {@link ApiClient}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.relay.enabled=false")
class BearerTokenTest {

    static final TestIssuer ISSUER;

    static {
        try {
            ISSUER = new TestIssuer();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER.uri);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutATokenIs401ProblemDetailsAndNothingIsWritten() throws Exception {
        String title = "no token " + UUID.randomUUID();

        var response = ApiClient.anonymous(port).send("POST", "/api/todos", "{\"title\":\"" + title + "\"}");

        assertProblem(response, 401);
        // RFC 6750 without an error (no token was sent), plus RFC 9728's resource_metadata
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer")
                .doesNotContain("error=");
        assertThat(todos(title)).isZero();
    }

    @Test
    void aTokenWithoutTheScopeIs403AndNothingIsWritten() throws Exception {
        String title = "reader " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var reader = as("reader", "read audit:write");

        var todo = reader.send("POST", "/api/todos", "{\"title\":\"" + title + "\"}", "Idempotency-Key", key);
        var hire = reader.send("POST", "/api/employees", "{\"code\":\"X" + key.substring(0, 6) + "\",\"name\":\"N\","
                + "\"email\":\"n@example.com\",\"jobTitle\":\"T\",\"hireDate\":\"2026-01-05\"}");
        var audit = as("writer", "todos:write").send("POST", "/api/audit", "{\"message\":\"" + title + "\"}");
        var parked = reader.send("GET", "/api/outbox/parked", null);

        for (var response : List.of(todo, hire, audit, parked)) {
            assertProblem(response, 403);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                    .startsWith("Bearer error=\"insufficient_scope\"");
        }
        assertThat(todos(title)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?").param(key)
                .query(Long.class).single()).as("no idempotency record either").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE body LIKE ?").param("%" + title + "%")
                .query(Long.class).single()).as("no event").isZero();
    }

    @Test
    void expiredForeignIssuerAndUnknownKeyTokensAre401() throws Exception {
        String title = "bad token " + UUID.randomUUID();
        String body = "{\"title\":\"" + title + "\"}";
        List<String> tokens = List.of(
                ISSUER.token(ISSUER.uri, "alice", "todos:write", Instant.now().minusSeconds(120)),
                ISSUER.token("http://127.0.0.1:9/another-issuer", "alice", "todos:write", Instant.now().plusSeconds(300)),
                ISSUER.tokenSignedByAnotherKey("alice", "todos:write"));

        for (String token : tokens) {
            var response = new ApiClient(port, () -> "Bearer " + token).send("POST", "/api/todos", body);
            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                    .startsWith("Bearer error=\"invalid_token\"");
        }
        assertThat(todos(title)).isZero();
    }

    @Test
    void theActorIsTheTokensSubjectNeverAHeaderOrTheBody() throws Exception {
        String message = "exported the list " + UUID.randomUUID();

        var accepted = as("alice", "audit:write").send("POST", "/api/audit", "{\"message\":\"" + message + "\"}",
                "X-User-Id", "mallory");

        assertThat(accepted.statusCode()).isEqualTo(202);
        String messageId = EventJson.tree(accepted.body()).get("messageId").asString();
        var event = EventJson.read(jdbc.sql("SELECT body FROM outbox WHERE aggregate_id = ?").param(messageId)
                .query(String.class).single());
        assertThat(event.actor()).isEqualTo("alice");
        assertThat(event.payloadAs(AuditMessageRecorded.class).userId()).as("the audit record's actor")
                .isEqualTo("alice");
        assertThat(as("alice", "audit:write").send("POST", "/api/audit",
                "{\"userId\":\"mallory\",\"message\":\"m\"}").statusCode()).as("no name in the body").isEqualTo(400);
    }

    @Test
    void idempotencyKeysOfTwoSubjectsNeverMeet() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "shared key " + key;
        String body = "{\"title\":\"" + title + "\"}";

        var alice = as("alice", "todos:write").send("POST", "/api/todos", body, "Idempotency-Key", key);
        var bob = as("bob", "todos:write").send("POST", "/api/todos", body, "Idempotency-Key", key);
        var aliceAgain = as("alice", "todos:write").send("POST", "/api/todos", body, "Idempotency-Key", key);

        assertThat(alice.statusCode()).isEqualTo(201);
        assertThat(bob.statusCode()).isEqualTo(201);
        assertThat(bob.headers().firstValue("Idempotent-Replayed")).as("bob never gets alice's response").isEmpty();
        assertThat(bob.body()).isNotEqualTo(alice.body());
        assertThat(aliceAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(aliceAgain.body()).isEqualTo(alice.body());
        assertThat(todos(title)).as("two todos, one per subject").isEqualTo(2);
    }

    @Test
    void probesAndApiDocsNeedNoToken() throws Exception {
        var anonymous = ApiClient.anonymous(port);
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/v3/api-docs")) {
            assertThat(anonymous.send("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    private ApiClient as(String subject, String scope) throws Exception {
        String token = ISSUER.token(subject, scope);
        return new ApiClient(port, () -> "Bearer " + token);
    }

    private long todos(String title) {
        return jdbc.sql("SELECT COUNT(*) FROM todo WHERE title = ?").param(title).query(Long.class).single();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(EventJson.tree(response.body()).get("status").asInt()).isEqualTo(status);
    }
}
