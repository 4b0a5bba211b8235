package dev.cqrs.contracts;

import dev.cqrs.contracts.audit.AuditMessageRecorded;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import dev.cqrs.contracts.employee.EmployeeHired;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import dev.cqrs.contracts.employee.EmployeeTerminated;
import dev.cqrs.contracts.todo.TodoCompleted;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.contracts.todo.TodoDeleted;
import dev.cqrs.contracts.todo.TodoEdited;
import dev.cqrs.contracts.todo.TodoReopened;

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
            new Type("TodoCreated", 1, TodoCreated.class),
            new Type("TodoEdited", 1, TodoEdited.class),
            new Type("TodoCompleted", 1, TodoCompleted.class),
            new Type("TodoReopened", 1, TodoReopened.class),
            new Type("TodoDeleted", 1, TodoDeleted.class),
            new Type("EmployeeHired", 1, EmployeeHired.class),
            new Type("EmployeeDetailsUpdated", 1, EmployeeDetailsUpdated.class),
            new Type("EmployeeManagerChanged", 1, EmployeeManagerChanged.class),
            new Type("EmployeeTerminated", 1, EmployeeTerminated.class),
            new Type("AuditMessageRecorded", 1, AuditMessageRecorded.class));

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
