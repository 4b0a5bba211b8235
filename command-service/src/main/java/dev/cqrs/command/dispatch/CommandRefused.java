package dev.cqrs.command.dispatch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command refused for a reason the client can act on; nothing it would have written is written (it is thrown inside
 * the command's transaction, which rolls back). The web layer renders it as RFC 9457 problem details: {@link #reason()}
 * picks the status (404, 412, 409), {@link #title()} the title, the message the detail, and {@link #properties()} any
 * extension members (e.g. {@code activeReportees}).
 */
public class CommandRefused extends RuntimeException {

    /** Why a command was refused; each reason is one HTTP status. */
    public enum Reason {
        /** The aggregate does not exist (404). */
        NOT_FOUND,
        /** The client's expected version (If-Match) is no longer current (412): re-read before writing. */
        STALE_VERSION,
        /** A rule or a concurrent request stands in the way (409). */
        CONFLICT
    }

    private final Reason reason;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public CommandRefused(Reason reason, String title, String detail) {
        super(detail);
        this.reason = reason;
        this.title = title;
    }

    public static CommandRefused notFound(String what, String id) {
        return new CommandRefused(Reason.NOT_FOUND, what + " not found", "No " + what + " with id " + id);
    }

    /** The client's If-Match names a version that is no longer current: it must re-read before writing. */
    public static CommandRefused staleVersion(String what, String id, long expected, long actual) {
        return new CommandRefused(Reason.STALE_VERSION, "Stale version",
                what + " " + id + " is at version " + actual + ", not " + expected + " as If-Match says");
    }

    /** A business rule says no, e.g. "Already completed"; {@code title} names the rule, {@code detail} the case. */
    public static CommandRefused conflict(String title, String detail) {
        return new CommandRefused(Reason.CONFLICT, title, detail);
    }

    /**
     * Other requests kept the rows this command needs locked (deadlock or lock wait timeout) even after retries: a
     * conflict the client may simply retry.
     */
    public static CommandRefused busy() {
        return conflict("Concurrent update", "Other requests changed the same data at the same time; retry the request");
    }

    /** Adds a problem-details extension member, so a client can act on the refusal without parsing the detail. */
    public CommandRefused with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Reason reason() {
        return reason;
    }

    public String title() {
        return title;
    }
}
