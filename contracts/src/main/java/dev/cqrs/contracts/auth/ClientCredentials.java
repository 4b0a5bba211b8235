package dev.cqrs.contracts.auth;

import dev.cqrs.contracts.EventJson;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer access tokens for machine callers (tests, the benchmark, the fault matrix) from the OAuth 2.0
 * client-credentials grant (RFC 6749 §4.4, OAuth 2.1 §4.2): one POST to the issuer's token endpoint
 * ({@code <issuer>/oauth2/token}, the local auth-server's), the client authenticated with HTTP Basic
 * ({@code client_secret_basic}). A token is reused until 30 s before its {@code expires_in} (seconds), then a new one
 * is fetched, so long runs outlive the token lifetime. Thread-safe. The value goes in
 * {@code Authorization: Bearer <token>} (RFC 6750 §2.1).
 *
 * <p>{@link #fromEnvironment(String)} reads the local stack's settings: {@code AUTH_ISSUER_URI},
 * {@code AUTH_CLIENT_ID} and {@code AUTH_CLIENT_SECRET} (written to {@code .local/stack.env}).
 */
public final class ClientCredentials {

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI tokenEndpoint;
    private final String basicAuthorization;
    private final String scope;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    /**
     * @param issuer   the issuer URI without a trailing slash, e.g. {@code http://127.0.0.1:9000}
     * @param scope    the space-separated scopes to ask for (a subset of the client's; see {@link Scopes})
     */
    public ClientCredentials(String issuer, String clientId, String clientSecret, String scope) {
        this.tokenEndpoint = URI.create(issuer + "/oauth2/token");
        this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
        this.scope = scope;
        this.clock = Clock.systemUTC();
    }

    /**
     * The local stack's test client asking for {@code scope}.
     *
     * @throws IllegalStateException if the stack's settings are not in the environment
     */
    public static ClientCredentials fromEnvironment(String scope) {
        return new ClientCredentials(require("AUTH_ISSUER_URI"), require("AUTH_CLIENT_ID"),
                require("AUTH_CLIENT_SECRET"), scope);
    }

    /**
     * A valid access token (a JWT, RFC 7519), fetched when the last one is about to expire.
     *
     * @throws IllegalStateException if the token endpoint refuses (the status and its error body are in the message)
     */
    public synchronized String accessToken() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** {@code Bearer <token>}, the value of an {@code Authorization} header. */
    public String authorization() {
        return "Bearer " + accessToken();
    }

    private void fetch() {
        var request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", basicAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + form(scope)))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint " + tokenEndpoint + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint " + tokenEndpoint + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        ObjectNode body = EventJson.tree(response.body());
        Instant issuedAt = clock.instant();
        token = body.get("access_token").asString();
        refreshAt = issuedAt.plusSeconds(body.path("expires_in").asLong(60)).minus(REFRESH_BEFORE_EXPIRY);
    }

    /** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks for the Basic credentials too. */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: start the stack (infra/local/stack up) and load "
                    + ".local/stack.env");
        }
        return value;
    }
}
