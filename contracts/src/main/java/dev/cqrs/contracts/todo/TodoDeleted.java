package dev.cqrs.contracts.todo;

import dev.cqrs.contracts.DomainEvent;

import java.time.Instant;

/** A todo was deleted; read models drop it. */
public record TodoDeleted(String todoId, Instant deletedAt) implements DomainEvent {

    @Override
    public String aggregateType() {
        return TodoCreated.AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return todoId;
    }
}
