package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.EventJson;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.projector.projection.Projection;
import dev.cqrs.projector.projection.RetryLaterException;
import dev.cqrs.projector.projection.VersionGapException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static dev.cqrs.projector.TestEvents.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectingMessageHandlerTest {

    private final Map<String, String> parked = new LinkedHashMap<>();
    private final List<EventEnvelope> applied = new ArrayList<>();

    private ProjectingMessageHandler handler(Consumer<EventEnvelope> projection, DeadLetters deadLetters) {
        return new ProjectingMessageHandler(new ProjectionRouter(List.of(new Projection() {
            @Override
            public Set<Class<? extends DomainEvent>> eventTypes() {
                return Set.of(TodoCreated.class);
            }

            @Override
            public Outcome apply(EventEnvelope event) {
                projection.accept(event);
                return Outcome.APPLIED;
            }
        })), deadLetters);
    }

    private ProjectingMessageHandler handler(Consumer<EventEnvelope> projection) {
        return handler(projection, (message, reason) -> parked.put(message.getMessageId(), reason));
    }

    @Test
    void appliesAValidEvent() {
        EventEnvelope event = TestEvents.todoCreated("t-1", 1, "buy milk");

        handler(applied::add).handle(record(event));

        assertThat(applied).containsExactly(event);
        assertThat(parked).isEmpty();
    }

    @Test
    void parksAMessageThatIsNotAnEventWithTheCodecsReason() {
        SQSMessage poison = record("{not json", "g");

        handler(applied::add).handle(poison);

        assertThat(applied).isEmpty();
        assertThat(parked).containsOnlyKeys(poison.getMessageId());
        assertThat(parked.get(poison.getMessageId())).startsWith("body is not JSON");
    }

    @Test
    void anEventOfAnUnknownTypeWaitsForAnUpgradeAndIsNotParked() {
        var tree = EventJson.tree(EventJson.write(TestEvents.todoCreated("t-2", 1, "x")));
        tree.put("eventType", "TodoTeleported");
        SQSMessage newer = record(tree.toString(), "t-2");

        assertThatThrownBy(() -> handler(applied::add).handle(newer)).isInstanceOf(RetryLaterException.class)
                .hasMessageContaining("unknown eventType 'TodoTeleported'");
        assertThat(parked).isEmpty();
    }

    @Test
    void anEventBehindAVersionGapFollowsTheMissingOneToTheDlqWithTheProjectionsReason() {
        SQSMessage behindGap = record(TestEvents.todoCreated("t-5", 1, "x"));

        handler(event -> {
            throw new VersionGapException("todo t-5 is at v0; v3 follows v1 into the dead-letter queue");
        }).handle(behindGap);

        assertThat(parked).containsExactly(Map.entry(behindGap.getMessageId(),
                "todo t-5 is at v0; v3 follows v1 into the dead-letter queue"));
    }

    @Test
    void parksAnEventTheReadModelRejectsForGood() {
        SQSMessage message = record(TestEvents.todoCreated("t-3", 1, "x"));

        handler(event -> {
            throw new InvalidEventException("todoId does not match");
        }).handle(message);

        assertThat(parked).containsEntry(message.getMessageId(), "todoId does not match");
    }

    @Test
    void letsATransientFailureThroughSoTheMessageIsRetried() {
        SQSMessage message = record(TestEvents.todoCreated("t-4", 1, "x"));

        assertThatThrownBy(() -> handler(event -> {
            throw new IllegalStateException("database down");
        }).handle(message)).hasMessage("database down");
        assertThat(parked).isEmpty();
    }

    @Test
    void failsWhenThePoisonCannotBeParkedSoItStaysOnTheQueue() {
        SQSMessage poison = record("[]", "g");

        assertThatThrownBy(() -> handler(applied::add, (message, reason) -> {
            throw new IllegalStateException("DLQ unreachable");
        }).handle(poison)).hasMessage("DLQ unreachable");
    }
}
