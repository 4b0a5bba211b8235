package dev.cqrs.command.outbox;

import dev.cqrs.command.ApiClient;
import dev.cqrs.contracts.observability.MetricNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox as an operator sees it, against the real primary with this app's relay stopped
 * ({@code outbox.relay.enabled=false}): a committed command's event waits, and the age gauge on
 * {@code /actuator/prometheus} rises while it does; the row keeps the command's W3C trace context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.relay.enabled=false")
class OutboxObservabilityTest {

    private static final String AGE = MetricNames.prometheusName(MetricNames.OUTBOX_OLDEST_AGE, "seconds");
    private static final String BACKLOG = MetricNames.prometheusName(MetricNames.OUTBOX_BACKLOG, "rows");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void withTheRelayStoppedTheOldestAgeRisesAndTheRowKeepsTheTraceContext() throws Exception {
        ApiClient api = new ApiClient(port);
        var created = api.send("POST", "/api/todos", "{\"title\":\"observe the outbox\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String todoId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

        String traceparent = jdbc.sql("SELECT traceparent FROM outbox WHERE aggregate_id = ?").param(todoId)
                .query(String.class).single();
        assertThat(traceparent).as("W3C traceparent of the command's span")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");

        double first = scrape(api, AGE);
        assertThat(scrape(api, BACKLOG)).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(scrape(api, AGE)).isGreaterThan(first));
    }

    /** The value of an untagged series in the Prometheus text format. */
    private static double scrape(ApiClient api, String series) throws Exception {
        var response = api.send("GET", "/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher value = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(response.body());
        assertThat(value.find()).as(series + " in\n" + response.body()).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
