package dev.cqrs.projector.local;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class HealthEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsWhetherThePollLoopIsAlive() throws Exception {
        AtomicBoolean alive = new AtomicBoolean(true);
        try (HealthEndpoint health = HealthEndpoint.start(0, alive::get)) {
            HttpResponse<String> up = get(health.port(), "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");

            alive.set(false);
            HttpResponse<String> down = get(health.port(), "/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");

            assertThat(get(health.port(), "/health/more").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
