package dev.cqrs.query.consistency;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The wait loop on its own, with a counter standing in for the read model. */
class ReadYourWritesTest {

    private final ReadYourWrites readYourWrites =
            new ReadYourWrites(new ConsistencyProperties(Duration.ofMillis(300), Duration.ofMillis(10), 32),
                    ObservationRegistry.NOOP);

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

    @Test
    void afterAMissEveryReadIsARereadAndTheFirstReadIsMadeOnce() {
        AtomicInteger firstReads = new AtomicInteger();
        AtomicInteger rereads = new AtomicInteger();

        String answer = readYourWrites.await(() -> "first " + firstReads.incrementAndGet(),
                () -> "again " + rereads.incrementAndGet(), read -> read.equals("again 3"), "counter");

        assertThat(answer).isEqualTo("again 3");
        assertThat(firstReads).hasValue(1);
        assertThat(rereads).hasValue(3);
    }

    @Test
    void beyondTheWaiterBoundAQueryThatMissesIsA503AtOnceAndAFreedPermitIsReused() throws Exception {
        ReadYourWrites oneWaiter =
                new ReadYourWrites(new ConsistencyProperties(Duration.ofSeconds(5), Duration.ofMillis(10), 1),
                        ObservationRegistry.NOOP);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> oneWaiter.await(
                () -> 1, () -> release.getCount() == 0 ? 2 : 1, version -> version >= 2, "first"));
        await().atMost(Duration.ofSeconds(5)).until(() -> oneWaiter.waiting() == 1);

        long started = System.nanoTime();
        assertThatThrownBy(() -> oneWaiter.await(() -> 1, version -> version >= 2, "second"))
                .isInstanceOfSatisfying(NotYetConsistentException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(e.getBody().getDetail()).contains("second").contains("1 queries are already waiting");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without waiting")
                .isLessThan(Duration.ofMillis(500));
        // a query answered by its first read needs no permit
        assertThat(oneWaiter.await(() -> 2, version -> version >= 2, "third")).isEqualTo(2);

        release.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(oneWaiter.waiting()).isZero();
        AtomicInteger reads = new AtomicInteger();
        assertThat(oneWaiter.await(reads::incrementAndGet, version -> version >= 3, "fourth")).isEqualTo(3);
    }

    @Test
    void aWaitThatRunsOutGivesItsPermitBack() {
        ReadYourWrites oneWaiter =
                new ReadYourWrites(new ConsistencyProperties(Duration.ofMillis(50), Duration.ofMillis(10), 1),
                        ObservationRegistry.NOOP);

        assertThatThrownBy(() -> oneWaiter.await(() -> 1, version -> false, "never"))
                .isInstanceOf(NotYetConsistentException.class);

        assertThat(oneWaiter.waiting()).isZero();
    }

    @Test
    void theWaiterBoundMustBePositive() {
        assertThatThrownBy(() -> new ConsistencyProperties(Duration.ofSeconds(2), Duration.ofMillis(25), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consistency-max-waiters");
    }
}
