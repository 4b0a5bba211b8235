package dev.cqrs.query.todo;

import dev.cqrs.query.web.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TodoCursorTest {

    @Test
    void roundTripsTheSortKeyToTheMicrosecond() {
        TodoCursor cursor = new TodoCursor(Instant.parse("2026-11-21T19:30:00.123456Z"),
                "0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f");

        String token = cursor.encode();

        assertThat(token).doesNotContain("2026", "|", "=", "+", "/");
        assertThat(TodoCursor.decode(token)).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 !", "", "bm8tc2VwYXJhdG9y" /* no-separator */})
    void rejectsTokensItDidNotIssue(String token) {
        assertThatThrownBy(() -> TodoCursor.decode(token)).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void rejectsAnUnparsableTimestampOrAMissingId() {
        assertThatThrownBy(() -> TodoCursor.decode(encode("yesterday|abc"))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> TodoCursor.decode(encode("2026-11-21T19:30:00Z|")))
                .isInstanceOf(InvalidQueryException.class);
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsInstantsAcrossTheWholeDatetimeRangeAndNothingBeyond() {
        String id = "0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f";
        for (String inRange : new String[] {"1000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"}) {
            assertThat(TodoCursor.decode(encode(inRange + "|" + id)).createdAt()).isEqualTo(Instant.parse(inRange));
        }
        for (String beyond : new String[] {"+1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "0999-12-31T23:59:59.999999Z", "-0001-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> TodoCursor.decode(encode(beyond + "|" + id))).as(beyond)
                    .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.getBody().getDetail())
                            .startsWith("cursor: "));
        }
    }

    @Test
    void rejectsWhatThisServiceNeverIssuesSubMicrosecondInstantsIdsThatAreNoUuidAndLongTokens() {
        assertThatThrownBy(() -> TodoCursor.decode(encode("2026-11-21T19:30:00.123456789Z|"
                + "0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f"))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> TodoCursor.decode(encode("2026-11-21T19:30:00Z|abc")))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> TodoCursor.decode("A".repeat(TodoCursor.MAX_TOKEN_LENGTH + 1)))
                .isInstanceOf(InvalidQueryException.class);
    }
}
