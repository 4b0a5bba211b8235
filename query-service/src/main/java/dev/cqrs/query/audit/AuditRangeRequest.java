package dev.cqrs.query.audit;

import dev.cqrs.contracts.store.AuditItemFormat;
import dev.cqrs.query.web.InvalidQueryException;
import dev.cqrs.query.web.InvalidQueryException.InvalidField;
import dev.cqrs.query.web.PageLimit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the time-range parameters together, in one place rather than partly by Bean Validation, so that one problem
 * lists every invalid one (Bean Validation failures would stop the request before the bounds and cursor are read).
 */
final class AuditRangeRequest {

    static final Duration MAX_RANGE = Duration.ofDays(31);

    private AuditRangeRequest() {
    }

    static ListAuditRange toQuery(String from, String to, Integer limit, String cursor) {
        List<InvalidField> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        int pageSize = PageLimit.DEFAULT;
        try {
            pageSize = PageLimit.of(limit);
        } catch (InvalidQueryException e) {
            errors.add(new InvalidField("limit", "must be between 1 and " + PageLimit.MAX + ", was " + limit));
        }
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new InvalidField("to", "must be after from (to is exclusive)"));
            } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                errors.add(new InvalidField("to", "must be at most " + MAX_RANGE.toDays() + " days after from"));
            }
        }
        AuditRangeCursor resumeAt = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                resumeAt = AuditRangeCursor.decode(cursor);
            } catch (InvalidQueryException e) {
                errors.add(new InvalidField("cursor", "is not a cursor this service issued"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new ListAuditRange(start, end, pageSize, resumeAt);
    }

    private static Instant instant(String field, String value, List<InvalidField> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new InvalidField(field, "is required"));
            return null;
        }
        try {
            Instant instant = Instant.parse(value.strip());
            // Beyond that the audit keys cannot express it (and the day buckets would not even have a date).
            if (!AuditItemFormat.holds(instant)) {
                errors.add(new InvalidField(field, "must be " + AuditKeyLimits.RANGE + ", was '" + value + "'"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(new InvalidField(field, "must be an ISO-8601 instant such as 2026-11-21T19:30:00Z, was '"
                    + value + "'"));
            return null;
        }
    }
}
