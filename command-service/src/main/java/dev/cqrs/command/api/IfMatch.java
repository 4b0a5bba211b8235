package dev.cqrs.command.api;

import java.util.OptionalLong;

/**
 * Reads the aggregate version a client expects from an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3});
 * absent, blank or {@code *} means "whatever is current". Anything else is {@link Malformed} (400).
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static OptionalLong expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new Malformed("If-Match must be an ETag returned by this API, e.g. \"3\"; got " + header);
        }
    }

    /** An If-Match header that is no ETag of this API; answered 400 "Invalid If-Match" before any command runs. */
    public static final class Malformed extends RuntimeException {

        Malformed(String detail) {
            super(detail);
        }
    }
}
