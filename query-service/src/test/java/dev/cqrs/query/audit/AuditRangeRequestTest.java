package dev.cqrs.query.audit;

import dev.cqrs.contracts.store.AuditItemFormat;
import dev.cqrs.query.web.InvalidQueryException;
import dev.cqrs.query.web.InvalidQueryException.InvalidField;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRangeRequestTest {

    @Test
    void acceptsUpTo31DaysWithTheDefaultPageSize() {
        ListAuditRange query = AuditRangeRequest.toQuery("2026-11-01T00:00:00Z", "2026-12-02T00:00:00Z", null, null);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(query.limit()).isEqualTo(20);
        assertThat(query.cursor()).isNull();
    }

    @Test
    void acceptsOffsetsAndConvertsThemToInstants() {
        assertThat(AuditRangeRequest.toQuery("2026-11-01T02:00:00+02:00", "2026-11-02T00:00:00Z", 5, null).from())
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void listsEveryInvalidParameterInOneProblem() {
        assertThat(fields(null, "later", 0, "%%%")).containsExactly("from", "to", "limit", "cursor");
        assertThat(fields("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", 5, null)).containsExactly("to");
        assertThat(fields("2026-11-01T00:00:00Z", "2026-12-02T00:00:00.000001Z", 5, null)).containsExactly("to");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(String from, String to, Integer limit, String cursor) {
        try {
            AuditRangeRequest.toQuery(from, to, limit, cursor);
        } catch (InvalidQueryException e) {
            return ((List<InvalidField>) e.getBody().getProperties().get("errors")).stream()
                    .map(InvalidField::field).toList();
        }
        throw new AssertionError("expected a 400 for from=" + from + " to=" + to);
    }

    @Test
    void instantsTheFixedWidthKeysCannotHoldAreRejectedNamingTheBound() {
        assertThat(fields("+1000000000-01-01T00:00:00Z", "+1000000000-01-02T00:00:00Z", 5, null))
                .containsExactly("from", "to");
        assertThat(fields("9999-12-31T00:00:00Z", "+10000-01-01T00:00:00Z", 5, null)).containsExactly("to");
        assertThat(fields("0000-12-31T00:00:00Z", "0001-01-01T00:00:00Z", 5, null)).containsExactly("from");
        ListAuditRange edges = AuditRangeRequest.toQuery("0001-01-01T00:00:00Z", "0001-01-02T00:00:00Z", 5, null);
        assertThat(edges.from()).isEqualTo(AuditItemFormat.EARLIEST);
        assertThat(AuditRangeRequest.toQuery("9999-12-31T00:00:00Z", "9999-12-31T23:59:59.999999Z", 5, null).to())
                .isEqualTo(AuditItemFormat.LATEST);
    }
}
