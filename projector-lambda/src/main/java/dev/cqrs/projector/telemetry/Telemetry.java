package dev.cqrs.projector.telemetry;

import brave.Tracing;
import brave.context.slf4j.MDCScopeDecorator;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import dev.cqrs.contracts.observability.TraceContextAttributes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.propagation.Propagator;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;
import zipkin2.reporter.urlconnection.URLConnectionSender;

import java.util.Map;

/**
 * The projector's tracer and meters, what Spring Boot's auto-configuration gives the services, built by hand:
 * Micrometer Tracing on Brave, W3C Trace Context propagation ({@link TraceContextAttributes}), every trace sampled,
 * the current span's {@code traceId}/{@code spanId} in the SLF4J MDC (logback.xml prints them), spans reported
 * asynchronously to Zipkin's v2 API, and a {@link PrometheusMeterRegistry} the local runner serves.
 * <p>
 * Environment: {@code MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT} (the services' variable too); unset, spans go to the
 * local stack's {@value #LOCAL_ZIPKIN}, except in Lambda (AWS_LAMBDA_FUNCTION_NAME set), where X-Ray's active tracing
 * covers the function and spans are only logged as ids.
 */
public final class Telemetry implements AutoCloseable {

    static final String LOCAL_ZIPKIN = "http://127.0.0.1:9411/api/v2/spans";
    /** The service name of every span (Zipkin's "serviceName"). */
    public static final String SERVICE = "projector";

    private final Tracing tracing;
    private final AsyncZipkinSpanHandler reporter;
    private final Tracer tracer;
    private final Propagator propagator;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Telemetry(String zipkinEndpoint) {
        Tracing.Builder builder = Tracing.newBuilder()
                .localServiceName(SERVICE)
                .sampler(Sampler.ALWAYS_SAMPLE)
                .traceId128Bit(true)
                // W3C's traceparent has no shared client/server span ids to join
                .supportsJoin(false)
                .propagationFactory(new W3CPropagation())
                .currentTraceContext(ThreadLocalCurrentTraceContext.newBuilder()
                        .addScopeDecorator(MDCScopeDecorator.get())
                        .build());
        reporter = zipkinEndpoint == null ? null : AsyncZipkinSpanHandler.create(URLConnectionSender.create(zipkinEndpoint));
        if (reporter != null) {
            builder.addSpanHandler(reporter);
        }
        tracing = builder.build();
        tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()));
        propagator = new BravePropagator(tracing);
    }

    /** Reads MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT and AWS_LAMBDA_FUNCTION_NAME (see the class comment). */
    public static Telemetry fromEnvironment(Map<String, String> env) {
        String endpoint = env.get("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = env.containsKey("AWS_LAMBDA_FUNCTION_NAME") ? null : LOCAL_ZIPKIN;
        }
        return new Telemetry(endpoint);
    }

    /** Traces in memory only (ids in the logs, nothing reported): for tools and tests. */
    public static Telemetry unreported() {
        return new Telemetry(null);
    }

    public Tracer tracer() {
        return tracer;
    }

    public MeterRegistry meters() {
        return meters;
    }

    /** The meters in the Prometheus text format, as served on /actuator/prometheus. */
    public String scrape() {
        return meters.scrape();
    }

    /**
     * Starts a CONSUMER span for one message: a child of the span its W3C {@code traceparent} names, or the root of
     * a new trace when it carries none (or a malformed one).
     */
    public Span startConsumer(String traceparent, String name) {
        Span.Builder builder = traceparent == null
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(TraceContextAttributes.TRACEPARENT, traceparent), Map::get);
        return builder.name(name).kind(Span.Kind.CONSUMER).remoteServiceName("sqs").start();
    }

    /** Sends the finished spans now: a Lambda container is frozen between invocations and may never thaw. */
    public void flush() {
        if (reporter != null) {
            reporter.flush();
        }
    }

    @Override
    public void close() {
        if (reporter != null) {
            reporter.close();
        }
        tracing.close();
        meters.close();
    }
}
