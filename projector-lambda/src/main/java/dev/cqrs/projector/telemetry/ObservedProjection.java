package dev.cqrs.projector.telemetry;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.observability.MetricNames;
import dev.cqrs.projector.projection.Projection;
import dev.cqrs.projector.projection.RetryLaterException;
import dev.cqrs.projector.projection.VersionGapException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * One read model, measured: each event it is given is a span {@code apply <name>} (a child of the message's span) and
 * one count of {@code projection.events} by outcome — {@code applied}, {@code duplicate}, {@code waiting}
 * ({@link RetryLaterException}: redelivered later), {@code parked} ({@link VersionGapException},
 * {@link InvalidEventException}: to the DLQ); an applied event also records {@code projection.lag}, apply time minus
 * its occurredAt. Anything else (database down) fails the span and is not counted: it is neither outcome yet.
 */
public final class ObservedProjection implements Projection {

    private final String name;
    private final Projection delegate;
    private final Tracer tracer;
    private final Counter applied;
    private final Counter duplicate;
    private final Counter waiting;
    private final Counter parked;
    private final Timer lag;
    private final Clock clock = Clock.systemUTC();

    /** @param name the read model's name, the {@code projection} tag (todo, employee) */
    public ObservedProjection(String name, Projection delegate, Telemetry telemetry) {
        this.name = name;
        this.delegate = delegate;
        this.tracer = telemetry.tracer();
        this.applied = outcome(telemetry, "applied");
        this.duplicate = outcome(telemetry, "duplicate");
        this.waiting = outcome(telemetry, "waiting");
        this.parked = outcome(telemetry, "parked");
        this.lag = Timer.builder(MetricNames.PROJECTION_LAG)
                .description("Event applied to the read model minus the event's occurredAt")
                .tag(MetricNames.TAG_PROJECTION, name)
                .register(telemetry.meters());
    }

    private Counter outcome(Telemetry telemetry, String outcome) {
        return Counter.builder(MetricNames.PROJECTION_EVENTS)
                .baseUnit("events")
                .description("Events given to a read model, by what it did with them")
                .tag(MetricNames.TAG_PROJECTION, name)
                .tag(MetricNames.TAG_OUTCOME, outcome)
                .register(telemetry.meters());
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventTypes() {
        return delegate.eventTypes();
    }

    @Override
    public Outcome apply(EventEnvelope event) {
        Span span = tracer.nextSpan().name("apply " + name)
                .tag("event.id", event.eventId().toString())
                .tag("aggregate.version", Long.toString(event.aggregateVersion()))
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            Outcome outcome = delegate.apply(event);
            if (outcome == Outcome.APPLIED) {
                applied.increment();
                lag.record(Duration.between(event.occurredAt(), clock.instant()));
            } else {
                duplicate.increment();
            }
            span.tag("outcome", outcome.name().toLowerCase());
            return outcome;
        } catch (RetryLaterException e) {
            waiting.increment();
            span.error(e);
            throw e;
        } catch (VersionGapException | InvalidEventException e) {
            parked.increment();
            span.error(e);
            throw e;
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
