package dev.cqrs.query.audit;

import dev.cqrs.query.web.InvalidQueryException;
import dev.cqrs.query.web.InvalidQueryException.InvalidField;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Checks the time-range parameters together, so one problem lists every invalid one. */
final class AuditRangeRequest {

    static final Duration MAX_RANGE = Duration.ofDays(31);

    private AuditRangeRequest() {
    }

    /** @param from and to are present (Bean Validation saw to that); limit is already checked */
    static ListAuditRange toQuery(String from, String to, int limit, String cursor) {
        List<InvalidField> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new InvalidField("to", "must be after from (to is exclusive)"));
            } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                errors.add(new InvalidField("to", "must be at most " + MAX_RANGE.toDays() + " days after from"));
            }
        }
        AuditRangeCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = AuditRangeCursor.decode(cursor);
            } catch (InvalidQueryException e) {
                errors.add(new InvalidField("cursor", "is not a cursor this service issued"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new ListAuditRange(start, end, limit, after);
    }

    private static Instant instant(String field, String value, List<InvalidField> errors) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidField(field, "must be an ISO-8601 instant such as 2026-11-21T19:30:00Z, was '"
                    + value + "'"));
            return null;
        }
    }
}
