package dev.cqrs.query.todo;

import dev.cqrs.query.consistency.ReadYourWrites;
import dev.cqrs.query.replica.ReplicaReads;
import dev.cqrs.query.replica.Served;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads the row, tombstone or not. With a consistency token it reads again (each time in a new transaction, so on a
 * fresh snapshot, possibly of the other replica) until the row's version has reached the token; a tombstone that has
 * reached it means the todo is deleted, answered as not found. Tombstones are never returned.
 */
@Component
class GetTodoHandler {

    private final ReplicaReads reads;
    private final JdbcClient jdbc;
    private final ReadYourWrites readYourWrites;

    GetTodoHandler(ReplicaReads reads, JdbcClient jdbc, ReadYourWrites readYourWrites) {
        this.reads = reads;
        this.jdbc = jdbc;
        this.readYourWrites = readYourWrites;
    }

    Served<Optional<TodoView>> handle(GetTodo query) {
        Served<Optional<TodoRow>> served = query.atLeast() == null
                ? read(query.id())
                : readYourWrites.await(() -> read(query.id()),
                        answer -> answer.result().filter(row -> query.atLeast().isReachedBy(row.todo().version()))
                                .isPresent(),
                        "todo " + query.id());
        return new Served<>(served.result().filter(row -> !row.deleted()).map(TodoRow::todo), served.serverId());
    }

    private Served<Optional<TodoRow>> read(String id) {
        return reads.read(() -> jdbc.sql("SELECT " + TodoViewRows.COLUMNS + ", deleted FROM todo_view WHERE id = :id")
                .param("id", id)
                .query(TodoViewRows.ROW_MAPPER)
                .optional());
    }
}
