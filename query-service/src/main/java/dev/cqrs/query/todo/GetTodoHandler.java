package dev.cqrs.query.todo;

import dev.cqrs.query.replica.ReplicaReads;
import dev.cqrs.query.replica.Served;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class GetTodoHandler {

    private final ReplicaReads reads;
    private final JdbcClient jdbc;

    GetTodoHandler(ReplicaReads reads, JdbcClient jdbc) {
        this.reads = reads;
        this.jdbc = jdbc;
    }

    Served<Optional<TodoView>> handle(GetTodo query) {
        return reads.read(() -> jdbc.sql("SELECT " + TodoViewRows.COLUMNS + " FROM todo_view WHERE id = :id")
                .param("id", query.id())
                .query(TodoViewRows.MAPPER)
                .optional());
    }
}
