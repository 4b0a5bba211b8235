package dev.cqrs.query.audit;

import dev.cqrs.query.web.InvalidQueryException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditRangeCursorTest {

    private static final String SORT_KEY = "2026-11-21T19:30:00.123456Z#0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f";

    @Test
    void roundTripsTheTableKeyAndNamesTheDayToResumeIn() {
        AuditRangeCursor cursor = new AuditRangeCursor("audit-message#a|b", SORT_KEY);

        AuditRangeCursor decoded = AuditRangeCursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.day()).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void isTheFullExclusiveStartKeyOfTheIndexQuery() {
        assertThat(new AuditRangeCursor("todo#42", SORT_KEY).exclusiveStartKey()).isEqualTo(Map.of(
                "pk", AttributeValue.fromS("todo#42"), "sk", AttributeValue.fromS(SORT_KEY),
                "gsi1pk", AttributeValue.fromS("DAY#2026-11-21"), "gsi1sk", AttributeValue.fromS(SORT_KEY)));
    }

    @Test
    void rejectsTokensItDidNotIssue() {
        for (String plain : new String[]{"no-separator", SORT_KEY + "|", "yesterday#x|todo#1",
                "2026-11-21T19:30:00.123456Z|todo#1", "2026-13-21T19:30:00.123456Z#e|todo#1"}) {
            assertThatThrownBy(() -> AuditRangeCursor.decode(encode(plain))).as(plain)
                    .isInstanceOf(InvalidQueryException.class);
        }
        assertThatThrownBy(() -> AuditRangeCursor.decode("%%%")).isInstanceOf(InvalidQueryException.class);
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsKeysLongerThanDynamoDbAllows() {
        String longSortKey = SORT_KEY + "x".repeat(AuditKeyLimits.MAX_SORT_KEY_BYTES);
        String longPartitionKey = "todo#" + "x".repeat(AuditKeyLimits.MAX_PARTITION_KEY_BYTES);

        assertThatThrownBy(() -> AuditRangeCursor.decode(new AuditRangeCursor("todo#1", longSortKey).encode()))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> AuditRangeCursor.decode(new AuditRangeCursor(longPartitionKey, SORT_KEY).encode()))
                .isInstanceOf(InvalidQueryException.class);
    }
}
