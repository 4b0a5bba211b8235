package dev.cqrs.query.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;
import dev.cqrs.query.ApiClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Bearer tokens against the local stack's real issuer (auth-server): no token or a token of another issuer is 401,
 * a token without scope {@code read} is 403, both as problem details with RFC 6750's WWW-Authenticate; probes and API
 * docs need no token. (That a {@code read} token is accepted, every other API test shows.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BearerTokenTest {

    @LocalServerPort
    int port;

    @Test
    void withoutATokenIs401ProblemDetails() {
        ApiClients.anonymous(port).get().uri("/api/todos").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", value -> assertThat(value).startsWith("Bearer")
                        .doesNotContain("error="))
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @Test
    void aTokenWithoutTheReadScopeIs403ProblemDetails() {
        String writer = new ClientCredentials(System.getenv("AUTH_ISSUER_URI"), System.getenv("AUTH_CLIENT_ID"),
                System.getenv("AUTH_CLIENT_SECRET"), Scopes.TODOS_WRITE).authorization();
        ApiClients.anonymous(port).get().uri("/api/employees/E1").header("Authorization", writer).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", value -> assertThat(value)
                        .startsWith("Bearer error=\"insufficient_scope\""))
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void aTokenOfAnotherIssuerIs401() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("foreign").generate();
        var claims = new JWTClaimsSet.Builder().issuer("http://127.0.0.1:9999").subject("mallory")
                .audience("cqrs-api").claim("scope", Scopes.READ).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(), claims);
        jwt.sign(new RSASSASigner(key));

        ApiClients.anonymous(port).get().uri("/api/todos").header("Authorization", "Bearer " + jwt.serialize())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", value -> assertThat(value)
                        .startsWith("Bearer error=\"invalid_token\""));
    }

    @Test
    void probesAndApiDocsNeedNoToken() {
        var anonymous = ApiClients.anonymous(port);
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/v3/api-docs",
                "/swagger-ui/index.html")) {
            anonymous.get().uri(path).exchange().expectStatus().isOk();
        }
    }
}
