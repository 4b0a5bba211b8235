package dev.cqrs.contracts;

import dev.cqrs.contracts.todo.TodoCreated;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Registry of every event type on the wire: its stable name and current schema version. */
public final class EventTypes {

    public record Type(String name, int schemaVersion, Class<? extends DomainEvent> javaType) {
    }

    private static final List<Type> ALL = List.of(
            new Type("TodoCreated", 1, TodoCreated.class));

    private static final Map<String, Type> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Type::name, Function.identity()));
    private static final Map<Class<?>, Type> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Type::javaType, Function.identity()));

    private EventTypes() {
    }

    public static List<Type> all() {
        return ALL;
    }

    public static Optional<Type> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Type of(Class<? extends DomainEvent> javaType) {
        Type type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not registered in EventTypes");
        }
        return type;
    }
}
