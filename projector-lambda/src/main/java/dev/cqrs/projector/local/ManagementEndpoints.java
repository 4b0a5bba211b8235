package dev.cqrs.projector.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The local runner's management port on loopback, with the Spring services' actuator paths and shapes:
 * <ul>
 *   <li>{@code GET /actuator/health}, {@code /actuator/health/liveness}, {@code /actuator/health/readiness} (and the
 *       older {@code /health}): 200 {"status":"UP"} while the poll loop is alive, 503 {"status":"DOWN"} otherwise;
 *       liveness and readiness are the same signal, the loop being the runner's only work;</li>
 *   <li>{@code GET /actuator/prometheus}: the projector's meters in the Prometheus text format (version 0.0.4),
 *       rendered by Micrometer's Prometheus registry.</li>
 * </ul>
 * On the JDK's built-in HTTP server because the runner ships in the Lambda jar, which stays free of Spring/Actuator
 * (every extra class is cold-start time): Micrometer does the metrics, this class only routes four paths.
 */
final class ManagementEndpoints implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private ManagementEndpoints(HttpServer server) {
        this.server = server;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    static ManagementEndpoints start(int port, BooleanSupplier alive, Supplier<String> prometheus) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> route(exchange, alive, prometheus));
        server.start();
        return new ManagementEndpoints(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void route(HttpExchange exchange, BooleanSupplier alive, Supplier<String> prometheus)
            throws IOException {
        try (exchange) {
            switch (exchange.getRequestURI().getPath()) {
                case "/health", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" -> {
                    boolean up = alive.getAsBoolean();
                    respond(exchange, up ? 200 : 503, "application/json",
                            up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                }
                case "/actuator/prometheus" -> respond(exchange, 200, PROMETHEUS_TEXT, prometheus.get());
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
