package dev.cqrs.contracts.todo;

import dev.cqrs.contracts.DomainEvent;

import java.time.Instant;

/** A todo was created. {@code createdAt} is set once here and never changes afterwards. */
public record TodoCreated(String todoId, String title, String description, Instant createdAt) implements DomainEvent {

    public static final String AGGREGATE_TYPE = "todo";

    @Override
    public String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return todoId;
    }
}
