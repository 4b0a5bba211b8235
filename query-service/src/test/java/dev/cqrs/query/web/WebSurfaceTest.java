package dev.cqrs.query.web;

import dev.cqrs.query.ApiClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person or a browser front end sees besides the queries: docs, health, CORS, replica diagnostics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSurfaceTest {

    @LocalServerPort
    int port;
    RestTestClient http;

    @BeforeEach
    void client() {
        http = ApiClients.reader(port);
    }

    @Test
    void servesSwaggerUiAndTheOpenApiDocument() {
        http.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Swagger UI"));
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Query service")
                .jsonPath("$.paths['/api/todos/{id}']").exists()
                .jsonPath("$.paths['/api/audit']").exists();
    }

    @Test
    void everyEndpointIsDocumentedWithASummaryParameterDescriptionsAndResponseExamplesAndPagedWithCursor() throws Exception {
        String json = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(json).get("paths");
        assertThat(paths.propertyNames()).contains("/api/todos", "/api/todos/{id}", "/api/employees/{code}",
                "/api/employees/{code}/reportees", "/api/employees/{code}/chain", "/api/audit", "/api/audit/range",
                "/api/diagnostics/replica");

        List<String> gaps = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode operation = paths.get(path).get(method);
                String where = method.toUpperCase() + " " + path;
                if (operation.path("summary").asString("").isBlank()) {
                    gaps.add(where + ": no summary");
                }
                operation.path("parameters").forEach(parameter -> {
                    if (parameter.path("description").asString("").isBlank()) {
                        gaps.add(where + ": parameter " + parameter.get("name").asString() + " undescribed");
                    }
                    if (parameter.path("description").asString("").contains("nextCursor")
                            && !parameter.get("name").asString().equals("cursor")) {
                        gaps.add(where + ": paged with " + parameter.get("name").asString() + ", not cursor");
                    }
                });
                JsonNode responses = operation.get("responses");
                if (!responses.has("200")) {
                    gaps.add(where + ": no 200 response");
                }
                for (String status : responses.propertyNames()) {
                    JsonNode content = responses.get(status).path("content");
                    for (String mediaType : content.propertyNames()) {
                        JsonNode body = content.get(mediaType);
                        if (!body.has("example") && !body.has("examples")) {
                            gaps.add(where + " " + status + " " + mediaType + ": no example");
                        }
                    }
                    if (status.startsWith("4") && !content.has("application/problem+json")) {
                        gaps.add(where + " " + status + ": not a problem detail");
                    }
                }
            }
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void reportsHealth() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void allowsGetsFromTheConfiguredOriginOnly() {
        RestTestClient browser = ApiClients.anonymous(port); // a preflight carries no token
        browser.options().uri("/api/todos")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
        browser.options().uri("/api/todos")
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void letsABrowserSendAConsistencyTokenAndReadTheHeadersItNeeds() {
        ApiClients.anonymous(port).options().uri("/api/employees/E1")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, x-consistency-token, if-none-match")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("Access-Control-Allow-Headers",
                        allowed -> assertThat(allowed.toLowerCase()).contains("authorization", "x-consistency-token"));
        http.get().uri("/api/todos?limit=1")
                .header("Origin", "http://localhost:5173")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("Access-Control-Expose-Headers",
                        exposed -> assertThat(exposed).contains("ETag", "X-Served-By", "Retry-After"));
    }

    @Test
    void diagnosticsNameAReadOnlyReplica() {
        http.get().uri("/api/diagnostics/replica").exchange()
                .expectStatus().isOk()
                .expectHeader().value("X-Served-By", value -> assertThat(value).isIn("2", "3"))
                .expectBody()
                .jsonPath("$.serverId").value(Integer.class, id -> assertThat(id).isIn(2, 3))
                .jsonPath("$.readOnly").isEqualTo(true)
                .jsonPath("$.hostname").isNotEmpty();
    }
}
