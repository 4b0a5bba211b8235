package dev.cqrs.command.outbox;

import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;

/**
 * Capped exponential backoff with jitter, so a failing topic is not hammered and retries do not march in step: after
 * {@code attempts} failures, a delay between half and all of {@code min(cap, base × 2^attempts)}.
 *
 * <p>Not hand-written: the AWS SDK's {@link BackoffStrategy#exponentialDelayHalfJitter}, the one backoff of the build
 * (projector-lambda's local poll loop uses it too). The SDK is already on the classpath of every module that retries,
 * whereas a copy in {@code contracts} would put retry policy into the event contract, and a copy per module is what
 * this replaced. This record only names the relay's parameters and counts attempts the relay's way (0 = none failed).
 */
record Backoff(Duration base, Duration cap) {

    /** Beyond this many doublings the cap has long been reached (and the shift would overflow). */
    private static final int MAX_DOUBLINGS = 20;

    Duration delayAfter(int attempts) {
        // the strategy counts tries: 1 is the first (no delay), 2 the first retry (base), 3 the second (2 × base), …
        int doublings = Math.min(Math.max(attempts, 0), MAX_DOUBLINGS);
        return BackoffStrategy.exponentialDelayHalfJitter(base, cap).computeDelay(doublings + 2);
    }
}
