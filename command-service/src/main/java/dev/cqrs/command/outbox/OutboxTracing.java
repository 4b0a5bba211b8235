package dev.cqrs.command.outbox;

import dev.cqrs.contracts.observability.TraceContextAttributes;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries a trace through the outbox in W3C Trace Context form ({@code traceparent}, see
 * {@link TraceContextAttributes}): the command's span is captured when its event is appended, and the relay's
 * PRODUCER span for the event continues that trace however much later it runs. Micrometer Tracing's own
 * {@link Propagator} writes and reads the header (Spring Boot configures it for W3C), so the format is the one
 * every other hop uses.
 */
@Component
class OutboxTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the current span, or null outside any trace (or with tracing off). */
    String currentTraceparent() {
        Span span = tracer.currentSpan();
        return span == null ? null : traceparentOf(span.context());
    }

    /** The {@code traceparent} header value of a span context, or null if the propagator writes none (no-op). */
    String traceparentOf(TraceContext context) {
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        return headers.get(TraceContextAttributes.TRACEPARENT);
    }

    /** Starts the span of publishing one event: a child of the command's span, or a new trace if it had none. */
    Span startPublish(PendingEvent event) {
        Span.Builder builder = event.traceparent() == null
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(TraceContextAttributes.TRACEPARENT, event.traceparent()), Map::get);
        return builder.name("publish " + event.eventType())
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName("sns")
                .tag("messaging.message.id", event.eventId())
                .tag("aggregate.id", event.aggregateId())
                .start();
    }
}
