package dev.cqrs.command.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with full jitter, so a failing topic is not hammered and retries do not march in step. */
record Backoff(Duration base, Duration cap) {

    Duration delayAfter(int attempts) {
        long exponential = base.toMillis() << Math.min(attempts, 20);
        long capped = Math.min(cap.toMillis(), exponential);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
