package dev.cqrs.contracts.todo;

import dev.cqrs.contracts.DomainEvent;

import java.time.Instant;

/** A todo was marked done. */
public record TodoCompleted(String todoId, Instant completedAt) implements DomainEvent {

    @Override
    public String aggregateType() {
        return TodoCreated.AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return todoId;
    }
}
