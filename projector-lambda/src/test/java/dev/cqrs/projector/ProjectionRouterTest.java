package dev.cqrs.projector;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.projector.projection.Projection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionRouterTest {

    /** An event type no read model is built from, standing in for e.g. audit-only events. */
    record SomethingAudited(String id) implements DomainEvent {
        @Override
        public String aggregateType() {
            return "thing";
        }

        @Override
        public String aggregateId() {
            return id;
        }
    }

    private static final class RecordingProjection implements Projection {
        final String name;
        final Set<Class<? extends DomainEvent>> types;
        final List<String> log;

        RecordingProjection(String name, List<String> log, Set<Class<? extends DomainEvent>> types) {
            this.name = name;
            this.types = types;
            this.log = log;
        }

        @Override
        public Set<Class<? extends DomainEvent>> eventTypes() {
            return types;
        }

        @Override
        public Outcome apply(EventEnvelope event) {
            log.add(name + ":" + event.eventType());
            return Outcome.APPLIED;
        }
    }

    @Test
    void sendsAnEventToEveryReadModelBuiltFromItsType() {
        List<String> applied = new ArrayList<>();
        ProjectionRouter router = new ProjectionRouter(List.of(
                new RecordingProjection("todos", applied, Set.of(TodoCreated.class)),
                new RecordingProjection("others", applied, Set.of(SomethingAudited.class)),
                new RecordingProjection("stats", applied, Set.of(TodoCreated.class))));

        router.route(TestEvents.todoCreated("t-1", 1, "buy milk"));

        assertThat(applied).containsExactly("todos:TodoCreated", "stats:TodoCreated");
    }

    @Test
    void skipsAValidEventNoReadModelNeeds() {
        List<String> applied = new ArrayList<>();
        ProjectionRouter router = new ProjectionRouter(List.of(
                new RecordingProjection("todos", applied, Set.of(TodoCreated.class))));
        EventEnvelope audited = new EventEnvelope(UUID.randomUUID(), "SomethingAudited", 1, "thing", "x", 1,
                Instant.now(), null, null, new SomethingAudited("x"));

        router.route(audited);

        assertThat(applied).isEmpty();
    }
}
