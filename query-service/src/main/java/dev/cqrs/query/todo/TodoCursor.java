package dev.cqrs.query.todo;

import dev.cqrs.query.web.InvalidQueryException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where the previous page of the todo list ended: the last item's sort key (created_at, id). Sent to clients as an
 * opaque URL-safe token so they cannot come to depend on its inside.
 * <p>
 * A token is checked to be one this service could have issued before any of it reaches the database: an instant
 * within the range of a DATETIME(6) column, to the microsecond, and a todo id (a UUID). Anything else, however it
 * was made, is the client's 400 on {@code cursor}, never a 500 from converting it or an error from MySQL.
 */
record TodoCursor(Instant createdAt, String id) {

    /** The range MySQL and MariaDB document for DATETIME: 1000-01-01 00:00:00.000000 to 9999-12-31 23:59:59.999999. */
    static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** Base64 of a 27-character instant, the separator and a 36-character id is 86 characters; room to spare. */
    static final int MAX_TOKEN_LENGTH = 128;

    private static final char SEPARATOR = '|';
    private static final Pattern UUID = Pattern.compile(TodoController.UUID);

    String encode() {
        String plain = createdAt + String.valueOf(SEPARATOR) + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static TodoCursor decode(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid(token.substring(0, MAX_TOKEN_LENGTH) + "…");
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator < 0 || separator == plain.length() - 1) {
                throw invalid(token);
            }
            Instant createdAt = Instant.parse(plain.substring(0, separator));
            String id = plain.substring(separator + 1);
            if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)
                    || !createdAt.truncatedTo(ChronoUnit.MICROS).equals(createdAt) || !UUID.matcher(id).matches()) {
                throw invalid(token);
            }
            return new TodoCursor(createdAt, id);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(token);
        }
    }

    static TodoCursor after(TodoView last) {
        return new TodoCursor(last.createdAt(), last.id());
    }

    private static InvalidQueryException invalid(String token) {
        return new InvalidQueryException("cursor", "is not a cursor this service issued: " + token);
    }
}
