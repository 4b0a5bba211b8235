package dev.cqrs.query.pipeline;

import dev.cqrs.contracts.observability.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link PipelineMetricsSource} over HTTP: GETs {@code /actuator/prometheus} of command-service, the projector runner
 * and the audit worker at once (each bounded by {@code pipeline.scrape-timeout}), and reads this service's own meter
 * (the replica lag) from its registry, as the samples its scrape would show. A service that refuses, times out or answers other
 * than 200 is a failed {@link Reading} naming why.
 */
@Component
class PrometheusPipelineSource implements PipelineMetricsSource {

    static final String PATH = "/actuator/prometheus";
    /** The classic text format; the projector runner writes only this one. */
    static final String ACCEPT = "text/plain;version=0.0.4";

    private final Map<Service, URI> urls;
    private final Duration timeout;
    private final MeterRegistry ownMeters;
    private final Clock clock;
    private final HttpClient http;

    PrometheusPipelineSource(PipelineProperties properties, MeterRegistry ownMeters) {
        this.urls = new EnumMap<>(Service.class);
        urls.put(Service.COMMAND_SERVICE, properties.commandService().resolve(PATH));
        urls.put(Service.PROJECTOR, properties.projector().resolve(PATH));
        urls.put(Service.AUDIT_WORKER, properties.auditWorker().resolve(PATH));
        this.timeout = properties.scrapeTimeout();
        this.ownMeters = ownMeters;
        this.clock = Clock.systemUTC();
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Readings read() {
        var at = clock.instant();
        Map<Service, CompletableFuture<HttpResponse<String>>> pending = new EnumMap<>(Service.class);
        urls.forEach((service, url) -> pending.put(service, http.sendAsync(
                HttpRequest.newBuilder(url).timeout(timeout).header("Accept", ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofString())));
        Map<Service, Reading> readings = new EnumMap<>(Service.class);
        readings.put(Service.QUERY_SERVICE, own());
        pending.forEach((service, response) -> readings.put(service, reading(urls.get(service), response)));
        return new Readings(at, readings);
    }

    private Reading own() {
        try {
            List<Sample> samples = ownMeters.find(MetricNames.REPLICA_LAG).gauges().stream()
                    .map(PrometheusPipelineSource::sample).toList();
            return Reading.ok("in-process", samples);
        } catch (RuntimeException e) {
            return Reading.failed("in-process", e.toString());
        }
    }

    /** A gauge as its Prometheus sample (reading it runs the replica query). */
    private static Sample sample(Gauge gauge) {
        return new Sample(MetricNames.prometheusName(gauge.getId().getName(), gauge.getId().getBaseUnit()),
                gauge.getId().getTags().stream().collect(Collectors.toMap(Tag::getKey, Tag::getValue)), gauge.value());
    }

    private Reading reading(URI url, CompletableFuture<HttpResponse<String>> pending) {
        String where = url.toString();
        try {
            // the request has its own timeout; this bound only guards against a connect that never ends
            HttpResponse<String> response = pending.get(2 * timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                return Reading.failed(where, "HTTP " + response.statusCode());
            }
            return Reading.ok(where, PrometheusText.parse(response.body()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Reading.failed(where, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return Reading.failed(where, "no answer within " + 2 * timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reading.failed(where, "interrupted");
        }
    }
}
