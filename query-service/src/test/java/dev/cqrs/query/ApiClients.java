package dev.cqrs.query;

import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Clients of the query service under test (random port). Their bearer token comes from the local stack's real issuer
 * (auth-server, client credentials, scope {@code read}), so every API test also checks that the service accepts that
 * issuer's tokens. The JDK HTTP client, as in every API test: Apache HttpClient 5 (on the classpath through the AWS
 * SDK) would follow redirects and repeat a 503 after its Retry-After.
 */
public final class ApiClients {

    private static final ClientCredentials READER = ClientCredentials.fromEnvironment(Scopes.READ);

    private ApiClients() {
    }

    /** A client with a {@code read} token. */
    public static RestTestClient reader(int port) {
        return RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", READER.authorization()).build();
    }

    /** A client without a token. */
    public static RestTestClient anonymous(int port) {
        return RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://127.0.0.1:" + port)
                .build();
    }
}
