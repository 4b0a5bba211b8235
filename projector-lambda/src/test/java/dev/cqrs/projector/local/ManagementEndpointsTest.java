package dev.cqrs.projector.local;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsWhetherThePollLoopIsAliveOnEveryHealthPath() throws Exception {
        AtomicBoolean alive = new AtomicBoolean(true);
        try (ManagementEndpoints endpoints = ManagementEndpoints.start(0, alive::get, () -> "")) {
            for (String path : new String[] {"/health", "/actuator/health", "/actuator/health/liveness",
                    "/actuator/health/readiness"}) {
                alive.set(true);
                HttpResponse<String> up = get(endpoints.port(), path);
                assertThat(up.statusCode()).as(path).isEqualTo(200);
                assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");

                alive.set(false);
                HttpResponse<String> down = get(endpoints.port(), path);
                assertThat(down.statusCode()).as(path).isEqualTo(503);
                assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
            }
            assertThat(get(endpoints.port(), "/health/more").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void servesTheScrapeInThePrometheusTextFormat() throws Exception {
        try (ManagementEndpoints endpoints = ManagementEndpoints.start(0, () -> true, () -> "queue_depth_messages 3\n")) {
            HttpResponse<String> scrape = get(endpoints.port(), "/actuator/prometheus");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(scrape.body()).isEqualTo("queue_depth_messages 3\n");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
