package dev.cqrs.query.consistency;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wait loop on its own, with a counter standing in for the read model. */
class ReadYourWritesTest {

    private final ReadYourWrites readYourWrites =
            new ReadYourWrites(new ConsistencyProperties(Duration.ofMillis(300), Duration.ofMillis(10)));

    @Test
    void readsAgainUntilTheAnswerHasReachedTheVersionAndReturnsThatAnswer() {
        AtomicInteger reads = new AtomicInteger();

        int answer = readYourWrites.await(reads::incrementAndGet, version -> version >= 4, "counter");

        assertThat(answer).isEqualTo(4);
        assertThat(reads).hasValue(4);
    }

    @Test
    void readsOnceWhenTheFirstAnswerIsNewEnough() {
        AtomicInteger reads = new AtomicInteger();

        readYourWrites.await(reads::incrementAndGet, version -> true, "counter");

        assertThat(reads).hasValue(1);
    }

    @Test
    void givesUpAfterTheBoundWithA503AndRetryAfter() {
        AtomicInteger reads = new AtomicInteger();
        long started = System.nanoTime();

        assertThatThrownBy(() -> readYourWrites.await(reads::incrementAndGet, version -> false, "counter 7"))
                .isInstanceOfSatisfying(NotYetConsistentException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(e.getBody().getDetail()).contains("counter 7");
                });

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofMillis(1500));
        // paused between reads rather than spinning: about 300 ms / 10 ms, never thousands
        assertThat(reads.get()).isBetween(2, 40);
    }
}
