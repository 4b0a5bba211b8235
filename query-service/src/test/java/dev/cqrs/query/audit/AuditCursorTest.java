package dev.cqrs.query.audit;

import dev.cqrs.query.web.InvalidQueryException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditCursorTest {

    private static final String SORT_KEY = "2026-11-21T19:30:00.123456Z#0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f";

    @Test
    void roundTripsTheSortKey() {
        String token = new AuditCursor(SORT_KEY).encode();

        assertThat(token).doesNotContain("#", "=", "/", "+");
        assertThat(AuditCursor.decode(token)).isEqualTo(new AuditCursor(SORT_KEY));
    }

    @Test
    void becomesTheExclusiveStartKeyInTheRequestedPartition() {
        assertThat(AuditCursor.decode(new AuditCursor(SORT_KEY).encode()).exclusiveStartKey("todo#42"))
                .isEqualTo(Map.of("pk", AttributeValue.fromS("todo#42"), "sk", AttributeValue.fromS(SORT_KEY)));
    }

    @Test
    void rejectsTokensItDidNotIssue() {
        assertThatThrownBy(() -> AuditCursor.decode("%%%")).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> AuditCursor.decode(new AuditCursor("no-hash").encode()))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void rejectsASortKeyLongerThanDynamoDbAllowsAndAcceptsOneAtTheLimit() {
        String prefix = "2026-11-21T19:30:00.123456Z#";
        String atLimit = prefix + "x".repeat(AuditKeyLimits.MAX_SORT_KEY_BYTES - prefix.length());
        // counted in bytes of UTF-8: 'é' is two
        String overByMultibyte = prefix + "é".repeat((AuditKeyLimits.MAX_SORT_KEY_BYTES - prefix.length()) / 2 + 1);

        assertThat(AuditCursor.decode(new AuditCursor(atLimit).encode()).sortKey()).isEqualTo(atLimit);
        assertThatThrownBy(() -> AuditCursor.decode(new AuditCursor(atLimit + "x").encode()))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> AuditCursor.decode(new AuditCursor(overByMultibyte).encode()))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void rejectsASortKeyThatDoesNotStartWithTheFixedWidthInstant() {
        assertThatThrownBy(() -> AuditCursor.decode(new AuditCursor("yesterday#0b7e8c1e").encode()))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> AuditCursor.decode(new AuditCursor("2026-11-21T19:30:00.123456Z#").encode()))
                .isInstanceOf(InvalidQueryException.class);
    }
}
