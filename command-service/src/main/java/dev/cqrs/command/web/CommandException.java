package dev.cqrs.command.web;

import org.springframework.http.HttpStatus;

/** A command refused for a reason the client can act on; rendered as problem details with this status. */
public class CommandException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

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

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
