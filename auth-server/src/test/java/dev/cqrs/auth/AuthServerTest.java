package dev.cqrs.auth;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issuer as the services and the machine clients use it, on a random loopback port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auth.signing-key-file=target/test-signing-key.json",
                "spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:9000"})
class AuthServerTest {

    @LocalServerPort
    int port;

    @Test
    void clientCredentialsGiveAnApiTokenWithTheAskedScopesAndTheClientAsSubject() throws Exception {
        String token = new ClientCredentials("http://127.0.0.1:" + port, "cqrs-tests", "cqrs-tests-secret",
                Scopes.TODOS_WRITE + " " + Scopes.READ).accessToken();

        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("cqrs-tests");
        assertThat(claims.getAudience()).containsExactly("cqrs-api");
        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:9000");
        assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder("todos:write", "read");
        assertThat(claims.getExpirationTime()).isInTheFuture();
    }

    @Test
    void aWrongSecretOrAnUnknownScopeIsRefused() {
        assertThatThrownBy(() -> new ClientCredentials("http://127.0.0.1:" + port, "cqrs-tests", "wrong",
                Scopes.READ).accessToken()).hasMessageContaining("401");
        assertThatThrownBy(() -> new ClientCredentials("http://127.0.0.1:" + port, "cqrs-tests", "cqrs-tests-secret",
                "admin:everything").accessToken()).hasMessageContaining("invalid_scope");
    }

    @Test
    void discoveryNamesTheIssuerAndItsKeys() throws Exception {
        var discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"http://127.0.0.1:9000\"", "/oauth2/jwks");
    }

    @Test
    void theSigningKeyIsMadeOnceOwnerOnlyAndReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/signing-key.json");

        RSAKey made = SigningKey.loadOrCreate(file);
        RSAKey again = SigningKey.loadOrCreate(file);

        assertThat(again.toJSONString()).isEqualTo(made.toJSONString());
        assertThat(again.isPrivate()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
