package dev.cqrs.query.todo;

import dev.cqrs.query.replica.ReplicaReads;
import dev.cqrs.query.replica.Served;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keyset pagination: each page starts strictly after the previous page's last (created_at, id), so rows inserted
 * meanwhile never shift a page and no row is skipped or repeated. One extra row is read to know whether a next page
 * exists.
 */
@Component
class ListTodosHandler {

    private final ReplicaReads reads;
    private final JdbcClient jdbc;

    ListTodosHandler(ReplicaReads reads, JdbcClient jdbc) {
        this.reads = reads;
        this.jdbc = jdbc;
    }

    Served<TodoPage> handle(ListTodos query) {
        return reads.read(() -> toPage(fetch(query), query.limit()));
    }

    private List<TodoView> fetch(ListTodos query) {
        if (query.after() == null) {
            return jdbc.sql("SELECT " + TodoViewRows.COLUMNS + " FROM todo_view ORDER BY created_at, id LIMIT :rows")
                    .param("rows", query.limit() + 1)
                    .query(TodoViewRows.MAPPER)
                    .list();
        }
        return jdbc.sql("SELECT " + TodoViewRows.COLUMNS + " FROM todo_view"
                        + " WHERE created_at > :createdAt OR (created_at = :createdAt AND id > :id)"
                        + " ORDER BY created_at, id LIMIT :rows")
                .param("createdAt", TodoViewRows.toColumn(query.after().createdAt()))
                .param("id", query.after().id())
                .param("rows", query.limit() + 1)
                .query(TodoViewRows.MAPPER)
                .list();
    }

    private static TodoPage toPage(List<TodoView> rows, int limit) {
        if (rows.size() <= limit) {
            return new TodoPage(rows, null);
        }
        List<TodoView> page = rows.subList(0, limit);
        return new TodoPage(List.copyOf(page), TodoCursor.after(page.getLast()).encode());
    }
}
