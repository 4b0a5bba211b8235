package dev.cqrs.contracts.todo;

import dev.cqrs.contracts.DomainEvent;

import java.time.Instant;

/** A todo's title and description were changed. Its creation time never changes. */
public record TodoEdited(String todoId, String title, String description, Instant editedAt) implements DomainEvent {

    @Override
    public String aggregateType() {
        return TodoCreated.AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return todoId;
    }
}
