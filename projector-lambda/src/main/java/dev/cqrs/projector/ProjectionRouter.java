package dev.cqrs.projector;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.projector.projection.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sends each event to the read models built from its payload type; events no read model needs are skipped. */
final class ProjectionRouter {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRouter.class);

    private final Map<Class<? extends DomainEvent>, List<Projection>> byEventType = new HashMap<>();

    ProjectionRouter(List<Projection> projections) {
        for (Projection projection : projections) {
            for (Class<? extends DomainEvent> type : projection.eventTypes()) {
                byEventType.computeIfAbsent(type, t -> new ArrayList<>()).add(projection);
            }
        }
    }

    /**
     * Applies the event to every interested read model, in registration order. If one fails, the message is retried
     * and the read models that had already applied it skip it then, thanks to their version gate.
     */
    void route(EventEnvelope event) {
        List<Projection> interested = byEventType.getOrDefault(event.payload().getClass(), List.of());
        if (interested.isEmpty()) {
            // A valid event this projector has no read model for (e.g. an audit-only event): nothing to do, not an error.
            log.info("skip {} {} of {} {}: no read model uses it",
                    event.eventType(), event.eventId(), event.aggregateType(), event.aggregateId());
            return;
        }
        for (Projection projection : interested) {
            projection.apply(event);
        }
    }
}
