package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.contracts.todo.TodoCreated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

@Component
class CreateTodoHandler implements CommandHandler<CreateTodo, TodoVersion> {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    CreateTodoHandler(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public TodoVersion handle(CreateTodo command) {
        String id = UUID.randomUUID().toString();
        Instant now = outbox.now();
        jdbc.sql("""
                        INSERT INTO todo (id, title, description, completed, created_at, updated_at, version)
                        VALUES (?, ?, ?, FALSE, ?, ?, 1)""")
                .params(id, command.title(), command.description(), Timestamp.from(now), Timestamp.from(now))
                .update();
        outbox.append(new TodoCreated(id, command.title(), command.description(), now), 1, now);
        return new TodoVersion(id, 1);
    }
}
