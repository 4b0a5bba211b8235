package dev.cqrs.query.todo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikePatternTest {

    @Test
    void escapesTheWildcardsAndTheEscapeCharacterItself() {
        assertThat(ListTodosHandler.escapeLike("100% a_b wow!")).isEqualTo("100!% a!_b wow!!");
        assertThat(ListTodosHandler.escapeLike("plain text")).isEqualTo("plain text");
    }
}
