package dev.cqrs.query.consistency;

import dev.cqrs.contracts.observability.MetricNames;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Serves a query that carries a consistency token: reads the read model, and while the answer has not reached the
 * token's version reads it again, each time afresh, until it has or the configured wait runs out.
 * <p>
 * At most {@code queries.consistency-max-waiters} queries wait at once: each holds a request thread for up to the
 * whole wait and re-reads every poll, so a burst of tokens while the read model lags must not take every thread
 * (or open connections without bound). A query whose first read already answers never needs a permit.
 * <p>
 * A wait (a first read that missed) is the observation {@code consistency.wait}: a span in the request's trace and a
 * timer tagged {@code outcome} = {@code reached} or {@code unavailable} (answered 503), so waits and 503s are counted.
 * <p>
 * Hand-written on purpose: this is a poll with a deadline on the request path, where "not there yet" is an ordinary
 * value, not a failure. Spring's {@code RetryTemplate} (spring-core 7) and the retry libraries retry on exceptions
 * and count attempts; none stops at a wall-clock deadline on a predicate over the result. The loop is a few lines,
 * holds no connection while it pauses (each read runs in its own transaction), and the total wait is bounded.
 */
@Component
@EnableConfigurationProperties(ConsistencyProperties.class)
public class ReadYourWrites {

    private final ConsistencyProperties properties;
    private final Semaphore waiters;
    private final ObservationRegistry observations;

    ReadYourWrites(ConsistencyProperties properties, ObservationRegistry observations) {
        this.properties = properties;
        this.waiters = new Semaphore(properties.consistencyMaxWaiters());
        this.observations = observations;
    }

    /** Like {@link #await(Supplier, Supplier, Predicate, String)}, reading again the same way as the first time. */
    public <T> T await(Supplier<T> read, Predicate<T> reached, String what) {
        return await(read, read, reached, what);
    }

    /**
     * @param first   the first read of the read model
     * @param again   a re-read after a miss; should be able to reach another copy of the read model than the miss
     *                did (e.g. a new connection to the replica hostname), so one lagging replica cannot fail the wait
     * @param reached whether a read has reached the client's version
     * @param what    names the aggregate for the 503 problem's detail
     * @return the first read that has reached it
     * @throws NotYetConsistentException (503, Retry-After) when none did within the configured wait, or at once when
     *                                   the first read missed and {@code consistency-max-waiters} queries are
     *                                   already waiting
     */
    public <T> T await(Supplier<T> first, Supplier<T> again, Predicate<T> reached, String what) {
        long deadline = System.nanoTime() + properties.consistencyWait().toNanos();
        T answer = first.get();
        if (reached.test(answer)) {
            return answer;
        }
        Observation wait = Observation.start(MetricNames.CONSISTENCY_WAIT, observations)
                .contextualName("wait for " + what);
        String outcome = "unavailable";
        try (Observation.Scope scope = wait.openScope()) {
            T caughtUp = waitUntil(deadline, again, reached, what);
            outcome = "reached";
            return caughtUp;
        } finally {
            wait.lowCardinalityKeyValue(MetricNames.TAG_OUTCOME, outcome).stop();
        }
    }

    private <T> T waitUntil(long deadline, Supplier<T> again, Predicate<T> reached, String what) {
        T answer;
        if (!waiters.tryAcquire()) {
            throw new NotYetConsistentException("The read model has not yet reached the requested version of " + what
                    + ", and " + properties.consistencyMaxWaiters() + " queries are already waiting for it");
        }
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new NotYetConsistentException("The read model has not yet reached the requested version "
                            + "of " + what + " (waited " + properties.consistencyWait().toMillis() + " ms)");
                }
                pause(Math.min(left, properties.consistencyPoll().toNanos()));
                answer = again.get();
                if (reached.test(answer)) {
                    return answer;
                }
            }
        } finally {
            waiters.release();
        }
    }

    /** How many queries are waiting right now (at most {@code consistency-max-waiters}). */
    public int waiting() {
        return properties.consistencyMaxWaiters() - waiters.availablePermits();
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotYetConsistentException("Interrupted while waiting for the read model");
        }
    }
}
