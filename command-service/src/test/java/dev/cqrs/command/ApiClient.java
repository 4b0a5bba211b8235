package dev.cqrs.command;

import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/**
 * A tiny HTTP client for the service under test (random port), so tests read like the requests they send. It sends
 * {@code authorization} (when not null) as the Authorization header; {@link #ApiClient(int)} uses a token of the local
 * stack's real issuer (auth-server, the test client with every scope), so every API test also checks that the
 * service accepts that issuer's tokens.
 */
public record ApiClient(int port, Supplier<String> authorization) {

    /** The local stack's test client (client credentials, every scope); its subject is {@code AUTH_CLIENT_ID}. */
    public static final ClientCredentials TEST_CLIENT = ClientCredentials.fromEnvironment(Scopes.ALL);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public ApiClient(int port) {
        this(port, TEST_CLIENT::authorization);
    }

    /** A client that sends no token. */
    public static ApiClient anonymous(int port) {
        return new ApiClient(port, () -> null);
    }

    public HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        String bearer = authorization.get();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
