package dev.cqrs.e2e;

import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static dev.cqrs.e2e.SystemUnderTest.auditItems;
import static dev.cqrs.e2e.SystemUnderTest.command;
import static dev.cqrs.e2e.SystemUnderTest.commandAt;
import static dev.cqrs.e2e.SystemUnderTest.countOnPrimary;
import static dev.cqrs.e2e.SystemUnderTest.get;
import static dev.cqrs.e2e.SystemUnderTest.json;
import static dev.cqrs.e2e.SystemUnderTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running system behind the local issuer (auth-server): tokens from the client-credentials grant, the scopes of
 * the README's endpoint × scope table, and the audit trail naming the token's subject, through both services, the
 * queues, the audit worker and DynamoDB.
 */
class AuthenticationTest {

    private static final String SUBJECT = StackEnv.require("AUTH_CLIENT_ID");

    @Test
    void withoutATokenBothApisAnswer401ProblemDetails() throws Exception {
        String title = "anonymous " + UUID.randomUUID();
        for (HttpResponse<String> response : new HttpResponse[] {
                // an empty Authorization header: SystemUnderTest adds no token. Straight to the services: a
                // validating proxy (bin/contract-proxy) answers a request without a token itself, never forwarding it
                commandAt(StackEnv.require("COMMAND_API_URL"), "POST", "/api/todos",
                        "{\"title\":\"" + title + "\"}", "Authorization", ""),
                get(StackEnv.require("QUERY_API_URL") + "/api/todos", "Authorization", "")}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer")
                    .doesNotContain("error=");
        }
        assertThat(countOnPrimary("SELECT COUNT(*) FROM command_db.todo WHERE title = ?", title)).isZero();
    }

    @Test
    void aTokenWithoutTheScopeIs403AndWritesNothing() throws Exception {
        String reader = client(Scopes.READ);
        String writer = client(Scopes.TODOS_WRITE);
        String title = "read only " + UUID.randomUUID();

        HttpResponse<String> create = command("POST", "/api/todos", "{\"title\":\"" + title + "\"}",
                "Authorization", reader);
        HttpResponse<String> read = query("/api/todos?limit=1", "Authorization", writer);

        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(create.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(countOnPrimary("SELECT COUNT(*) FROM command_db.todo WHERE title = ?", title)).isZero();
        assertThat(countOnPrimary("SELECT COUNT(*) FROM command_db.outbox WHERE body LIKE ?", "%" + title + "%"))
                .isZero();
    }

    @Test
    void theAuditRecordNamesTheTokensSubject() throws Exception {
        String message = "exported the employee list " + UUID.randomUUID();

        HttpResponse<String> accepted = command("POST", "/api/audit", "{\"message\":\"" + message + "\"}",
                "X-User-Id", "mallory");

        assertThat(accepted.statusCode()).isEqualTo(202);
        String messageId = json(accepted).get("messageId").asString();
        var stored = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> auditItems("audit-message", messageId), items -> items.size() == 1);
        assertThat(stored.get(0).get("actor").s()).isEqualTo(SUBJECT);
        var listed = query("/api/audit?entityType=audit-message&entityId=" + messageId);
        assertThat(json(listed).get("items").get(0).get("actor").asString()).isEqualTo(SUBJECT);
    }

    private static String client(String scope) {
        return new ClientCredentials(StackEnv.require("AUTH_ISSUER_URI"), SUBJECT,
                StackEnv.require("AUTH_CLIENT_SECRET"), scope).authorization();
    }
}
