package dev.cqrs.query.consistency;

import dev.cqrs.query.web.InvalidQueryException;

/**
 * The {@code X-Consistency-Token} a command response carried: the aggregate's version after the command. A query
 * that sends it back wants a read model at least that new.
 */
public record ConsistencyToken(long version) {

    public static final String HEADER = "X-Consistency-Token";
    public static final String DESCRIPTION = "the X-Consistency-Token of a command response (the aggregate's version "
            + "after it): the answer waits, bounded, until the read model has reached that version, else 503 with "
            + "Retry-After";

    /** @return {@code null} when the client sent none, so the query reads once without waiting */
    public static ConsistencyToken parse(String header) {
        if (header == null) {
            return null;
        }
        try {
            long version = Long.parseLong(header.strip());
            if (version >= 1) {
                return new ConsistencyToken(version);
            }
        } catch (NumberFormatException e) {
            // reported below, like a version below 1
        }
        throw new InvalidQueryException(HEADER, "must be an aggregate version (a whole number from 1), was '"
                + header + "'");
    }

    public boolean isReachedBy(long readModelVersion) {
        return readModelVersion >= version;
    }
}
