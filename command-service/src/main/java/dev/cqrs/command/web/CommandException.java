package dev.cqrs.command.web;

import org.springframework.http.HttpStatus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command refused for a reason the client can act on; rendered as problem details with this status, title and
 * detail, plus any extension members added with {@link #with} (e.g. {@code activeReportees}).
 */
public class CommandException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public CommandException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static CommandException notFound(String what, String id) {
        return new CommandException(HttpStatus.NOT_FOUND, what + " not found", "No " + what + " with id " + id);
    }

    /** The client's If-Match names a version that is no longer current: it must re-read before writing. */
    public static CommandException staleVersion(String what, String id, long expected, long actual) {
        return new CommandException(HttpStatus.PRECONDITION_FAILED, "Stale version",
                what + " " + id + " is at version " + actual + ", not " + expected + " as If-Match says");
    }

    public static CommandException conflict(String title, String detail) {
        return new CommandException(HttpStatus.CONFLICT, title, detail);
    }

    /**
     * Other requests kept the rows this command needs locked (deadlock or lock wait timeout) even after retries: a
     * conflict the client may simply retry.
     */
    public static CommandException busy() {
        return new CommandException(HttpStatus.CONFLICT, "Concurrent update",
                "Other requests changed the same data at the same time; retry the request");
    }

    /** Adds a problem-details extension member, so a client can act on the refusal without parsing the detail. */
    public CommandException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
