package dev.cqrs.query.consistency;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Serves a query that carries a consistency token: reads the read model again and again, each time afresh, until
 * the answer has reached the token's version or the configured wait runs out.
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

    ReadYourWrites(ConsistencyProperties properties) {
        this.properties = properties;
    }

    /**
     * @param read    one fresh read of the read model
     * @param reached whether that read has reached the client's version
     * @param what    names the aggregate for the 503 problem's detail
     * @return the first read that has reached it
     * @throws NotYetConsistentException when none did within the configured wait
     */
    public <T> T await(Supplier<T> read, Predicate<T> reached, String what) {
        long deadline = System.nanoTime() + properties.consistencyWait().toNanos();
        while (true) {
            T answer = read.get();
            if (reached.test(answer)) {
                return answer;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new NotYetConsistentException("The read model has not yet reached the requested version of "
                        + what + " (waited " + properties.consistencyWait().toMillis() + " ms)");
            }
            pause(Math.min(left, properties.consistencyPoll().toNanos()));
        }
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
