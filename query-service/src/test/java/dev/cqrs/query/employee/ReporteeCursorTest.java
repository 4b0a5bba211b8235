package dev.cqrs.query.employee;

import dev.cqrs.query.web.InvalidQueryException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReporteeCursorTest {

    @Test
    void becomesTheExclusiveStartKeyOnTheManagersIndex() {
        ReporteeCursor cursor = ReporteeCursor.decode(new ReporteeCursor("E100").encode());

        assertThat(cursor.exclusiveStartKey("E001")).isEqualTo(Map.of(
                "reportsTo", AttributeValue.fromS("E001"), "code", AttributeValue.fromS("E100"),
                "pk", AttributeValue.fromS("E100"), "sk", AttributeValue.fromS("E100")));
    }

    @Test
    void rejectsTokensItDidNotIssue() {
        assertThatThrownBy(() -> ReporteeCursor.decode("%%%")).isInstanceOf(InvalidQueryException.class);
        for (String plain : new String[]{"", "-E1", "E1#x", "X".repeat(21)}) {
            String token = Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> ReporteeCursor.decode(token)).as(plain).isInstanceOf(InvalidQueryException.class);
        }
    }

    @Test
    void codesAreLookedUpInUpperCase() {
        assertThat(EmployeeCode.normalize("e100-ab")).isEqualTo("E100-AB");
    }
}
