package dev.cqrs.query.consistency;

import dev.cqrs.query.web.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsistencyTokenTest {

    @Test
    void noHeaderMeansNoWait() {
        assertThat(ConsistencyToken.parse(null)).isNull();
    }

    @Test
    void isAVersionReachedByThatVersionOrANewerOne() {
        ConsistencyToken token = ConsistencyToken.parse(" 3 ");

        assertThat(token.version()).isEqualTo(3);
        assertThat(token.isReachedBy(2)).isFalse();
        assertThat(token.isReachedBy(3)).isTrue();
        assertThat(token.isReachedBy(4)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0", "-1", "1.5", "\"3\"", "99999999999999999999"})
    void anythingButAVersionFromOneIsA400NamingTheHeader(String header) {
        assertThatThrownBy(() -> ConsistencyToken.parse(header)).isInstanceOfSatisfying(InvalidQueryException.class,
                e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getProperties().get("errors").toString())
                            .contains(ConsistencyToken.HEADER);
                });
    }
}
