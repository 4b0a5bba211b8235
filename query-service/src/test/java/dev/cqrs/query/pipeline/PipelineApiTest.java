package dev.cqrs.query.pipeline;

import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;
import dev.cqrs.query.ApiClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may read {@code GET /api/pipeline} of this query service (random port). What it shows of the running system
 * (every service scraped, rates that move under commands) is e2e-tests' {@code PipelineTest}: the module tests run
 * before the services are started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PipelineApiTest {

    private static final ClientCredentials WRITER = ClientCredentials.fromEnvironment(Scopes.TODOS_WRITE);

    @LocalServerPort
    int port;

    @Test
    void needsABearerTokenWithScopeRead() {
        ApiClients.anonymous(port).get().uri("/api/pipeline").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json");
        RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", WRITER.authorization()).build()
                .get().uri("/api/pipeline").exchange()
                .expectStatus().isForbidden();
    }
}
