package dev.cqrs.command.outbox;

import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a commit wake the relay at once instead of waiting for the next poll. Many signals while the relay is busy
 * collapse into one extra round, which is all that is needed: a round drains everything pending.
 */
@Component
class RelayWakeUp {

    private final Semaphore pending = new Semaphore(0);

    void signal() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits for a signal or the timeout (the polling safety net); returns early on a signal. */
    void await(long timeoutMillis) throws InterruptedException {
        if (pending.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            pending.drainPermits();
        }
    }
}
