package dev.cqrs.query.todo;

import dev.cqrs.query.consistency.ReadYourWrites;
import dev.cqrs.query.replica.ReplicaReads;
import dev.cqrs.query.replica.Served;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the row, tombstone or not. With a consistency token that the first read (pooled connection) has not reached,
 * it reads again on a new connection each time, so through a new draw of the weighted replica hostname, until the
 * row's version has reached the token: a lagging replica delays the answer at worst, while the other replica serves
 * it. A tombstone that has reached it means the todo is deleted, answered as not found. Tombstones are never
 * returned.
 */
@Component
class GetTodoHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GetTodoHandler.class);
    /** What a re-read that could not connect counts as: no row, so not reached; never answered (server id 0). */
    private static final Served<Optional<TodoRow>> NO_ANSWER = new Served<>(Optional.empty(), 0);

    private final ReplicaReads reads;
    private final ReadYourWrites readYourWrites;

    GetTodoHandler(ReplicaReads reads, ReadYourWrites readYourWrites) {
        this.reads = reads;
        this.readYourWrites = readYourWrites;
    }

    Served<Optional<TodoView>> handle(GetTodo query) {
        Function<JdbcClient, Optional<TodoRow>> select = row(query.id());
        Served<Optional<TodoRow>> served = query.atLeast() == null
                ? reads.read(select)
                : readYourWrites.await(() -> reads.read(select), () -> reread(select),
                        answer -> answer.result().filter(row -> query.atLeast().isReachedBy(row.todo().version()))
                                .isPresent(),
                        "todo " + query.id());
        return new Served<>(served.result().filter(row -> !row.deleted()).map(TodoRow::todo), served.serverId());
    }

    /**
     * A re-read whose connection fails (the draw fell on a replica that is down, a DNS hiccup) is one more miss, not
     * the end of the wait: the next re-read draws again. A failing first read still answers 503 at once.
     */
    private Served<Optional<TodoRow>> reread(Function<JdbcClient, Optional<TodoRow>> select) {
        try {
            return reads.readFresh(select);
        } catch (CannotGetJdbcConnectionException e) {
            LOG.warn("Re-read while waiting for a consistency token could not connect; trying again: {}",
                    e.getMostSpecificCause().toString());
            return NO_ANSWER;
        }
    }

    private static Function<JdbcClient, Optional<TodoRow>> row(String id) {
        return jdbc -> jdbc.sql("SELECT " + TodoViewRows.COLUMNS + ", deleted FROM todo_view WHERE id = :id")
                .param("id", id)
                .query(TodoViewRows.ROW_MAPPER)
                .optional();
    }
}
