package dev.cqrs.query.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageLimitTest {

    @Test
    void defaultsTo20AndAcceptsOneToAHundred() {
        assertThat(PageLimit.of(null)).isEqualTo(20);
        assertThat(PageLimit.of(1)).isEqualTo(1);
        assertThat(PageLimit.of(100)).isEqualTo(100);
    }

    @Test
    void rejectsOutOfRangeAsA400() {
        assertThatThrownBy(() -> PageLimit.of(0)).isInstanceOfSatisfying(InvalidQueryException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        assertThatThrownBy(() -> PageLimit.of(101)).isInstanceOf(InvalidQueryException.class);
    }
}
