package dev.cqrs.auth;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser front end on http://localhost:5173 may read discovery and exchange its code with fetch (CORS); no
 * other origin may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "auth.signing-key-file=target/test-signing-key.json")
class FrontendCorsTest {

    private static final String FRONTEND = "http://localhost:5173";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theFrontEndsOriginMayReadDiscoveryAndPreflightTheTokenEndpoint() throws Exception {
        var discovery = send(HttpRequest.newBuilder(url("/.well-known/openid-configuration")).header("Origin", FRONTEND));
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).contains(FRONTEND);

        var preflight = send(HttpRequest.newBuilder(url("/oauth2/token")).header("Origin", FRONTEND)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(FRONTEND);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() throws Exception {
        var discovery = send(HttpRequest.newBuilder(url("/.well-known/openid-configuration"))
                .header("Origin", "http://evil.example"));
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
