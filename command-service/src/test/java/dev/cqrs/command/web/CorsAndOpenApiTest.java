package dev.cqrs.command.web;

import dev.cqrs.command.ApiClient;
import dev.cqrs.contracts.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"outbox.relay.enabled=false", "cors.allowed-origins=http://app.example"})
class CorsAndOpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void allowsConfiguredOriginsOnlyAndExposesTheVersionHeaders() throws Exception {
        var api = new ApiClient(port);
        var browser = ApiClient.anonymous(port); // a preflight carries no token
        var preflight = browser.send("OPTIONS", "/api/todos", null, "Origin", "http://app.example",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://app.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization");

        var created = api.send("POST", "/api/todos", "{\"title\":\"cors\"}", "Origin", "http://app.example");
        assertThat(created.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .contains("ETag").contains("X-Consistency-Token").contains("Location");

        var foreign = browser.send("OPTIONS", "/api/todos", null, "Origin", "http://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void publishesOpenApiForEveryCommandEndpoint() throws Exception {
        var docs = ApiClient.anonymous(port).send("GET", "/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        var paths = EventJson.tree(docs.body()).get("paths");
        assertThat(paths.propertyNames()).contains("/api/todos", "/api/todos/{id}", "/api/todos/{id}/complete",
                "/api/todos/{id}/reopen", "/api/employees", "/api/employees/batch", "/api/employees/{code}",
                "/api/employees/{code}/manager", "/api/employees/{code}/terminate", "/api/audit",
                "/api/outbox/parked", "/api/outbox/parked/{eventId}/retry");
        assertThat(ApiClient.anonymous(port).send("GET", "/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }
}
