package dev.cqrs.query.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person or a browser front end sees besides the queries: docs, health, CORS, replica diagnostics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSurfaceTest {

    @LocalServerPort
    int port;
    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
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
    void reportsHealth() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void allowsGetsFromTheConfiguredOriginOnly() {
        http.options().uri("/api/todos")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
        http.options().uri("/api/todos")
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus().isForbidden();
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
