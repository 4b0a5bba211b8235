package dev.cqrs.command.web;

import org.springframework.http.HttpStatus;

import java.util.OptionalLong;

/** Reads the aggregate version a client expects from an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}). */
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
            throw new CommandException(HttpStatus.BAD_REQUEST, "Invalid If-Match",
                    "If-Match must be an ETag returned by this API, e.g. \"3\"; got " + header);
        }
    }
}
