package dev.cqrs.command.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(60));

    @Test
    void growsExponentiallyWithJitterWithinHalfToFullOfTheStep() {
        for (int attempts = 0; attempts < 8; attempts++) {
            long step = 200L << attempts;
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.delayAfter(attempts).toMillis()).isBetween(step / 2, step);
            }
        }
    }

    @Test
    void neverExceedsTheCapEvenAfterManyAttempts() {
        for (int attempts : new int[]{9, 20, 63, Integer.MAX_VALUE}) {
            assertThat(backoff.delayAfter(attempts)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }
}
