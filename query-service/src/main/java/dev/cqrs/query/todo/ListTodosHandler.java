package dev.cqrs.query.todo;

import dev.cqrs.query.replica.ReplicaReads;
import dev.cqrs.query.replica.Served;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keyset pagination: each page starts strictly after the previous page's last (created_at, id), so rows inserted
 * meanwhile never shift a page and no row is skipped or repeated. One extra row is read to know whether a next page
 * exists. Filters narrow the same ordered walk (index {@code todo_view_list (deleted, completed, created_at, id)}).
 */
@Component
class ListTodosHandler {

    /** Escape character for LIKE: not the backslash, whose meaning in string literals depends on the SQL mode. */
    private static final char LIKE_ESCAPE = '!';

    private final ReplicaReads reads;

    ListTodosHandler(ReplicaReads reads) {
        this.reads = reads;
    }

    Served<TodoPage> handle(ListTodos query) {
        return reads.read(jdbc -> toPage(fetch(jdbc, query), query.limit()));
    }

    private List<TodoView> fetch(JdbcClient jdbc, ListTodos query) {
        List<String> where = new ArrayList<>(List.of("deleted = FALSE"));
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.completed() != null) {
            where.add("completed = :completed");
            params.put("completed", query.completed());
        }
        if (query.titleContains() != null) {
            // LOWER on both sides: case-insensitive whatever the column's collation.
            where.add("LOWER(title) LIKE :titlePattern ESCAPE '" + LIKE_ESCAPE + "'");
            params.put("titlePattern", "%" + escapeLike(query.titleContains().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.cursor() != null) {
            where.add("(created_at > :createdAt OR (created_at = :createdAt AND id > :id))");
            params.put("createdAt", TodoViewRows.toColumn(query.cursor().createdAt()));
            params.put("id", query.cursor().id());
        }
        params.put("rows", query.limit() + 1);
        return jdbc.sql("SELECT " + TodoViewRows.COLUMNS + " FROM todo_view WHERE " + String.join(" AND ", where)
                        + " ORDER BY created_at, id LIMIT :rows")
                .params(params)
                .query(TodoViewRows.MAPPER)
                .list();
    }

    /** The client's text is matched literally: its % and _ are not wildcards. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static TodoPage toPage(List<TodoView> rows, int limit) {
        if (rows.size() <= limit) {
            return new TodoPage(rows, null);
        }
        List<TodoView> page = rows.subList(0, limit);
        return new TodoPage(List.copyOf(page), TodoCursor.after(page.getLast()).encode());
    }
}
