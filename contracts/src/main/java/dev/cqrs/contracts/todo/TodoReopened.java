package dev.cqrs.contracts.todo;

import dev.cqrs.contracts.DomainEvent;

import java.time.Instant;

/** A completed todo was marked not done again. */
public record TodoReopened(String todoId, Instant reopenedAt) implements DomainEvent {

    @Override
    public String aggregateType() {
        return TodoCreated.AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return todoId;
    }
}
