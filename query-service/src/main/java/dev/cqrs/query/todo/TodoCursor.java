package dev.cqrs.query.todo;

import dev.cqrs.query.web.InvalidQueryException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the previous page of the todo list ended: the last item's sort key (created_at, id). Sent to clients as an
 * opaque URL-safe token so they cannot come to depend on its inside.
 */
record TodoCursor(Instant createdAt, String id) {

    private static final char SEPARATOR = '|';

    String encode() {
        String plain = createdAt + String.valueOf(SEPARATOR) + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static TodoCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator < 0 || separator == plain.length() - 1) {
                throw invalid(token);
            }
            return new TodoCursor(Instant.parse(plain.substring(0, separator)), plain.substring(separator + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(token);
        }
    }

    static TodoCursor after(TodoView last) {
        return new TodoCursor(last.createdAt(), last.id());
    }

    private static InvalidQueryException invalid(String token) {
        return new InvalidQueryException("after", "is not a cursor this service issued: " + token);
    }
}
