package dev.cqrs.projector.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health} on loopback: 200 {"status":"UP"} while the poll loop is alive, 503 otherwise.
 * Hand-written on the JDK's built-in HTTP server because the runner ships in the Lambda jar, which stays free of
 * Spring/Actuator (every extra class is cold-start time); one fixed endpoint does not justify a web framework.
 */
final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;

    private HealthEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    static HealthEndpoint start(int port, BooleanSupplier alive) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/health", exchange -> respond(exchange, alive.getAsBoolean()));
        server.start();
        return new HealthEndpoint(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, boolean up) throws IOException {
        try (exchange) {
            if (!"/health".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = (up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(up ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
