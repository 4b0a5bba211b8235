package dev.cqrs.command.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the relay on {@code workers} threads. Each one claims and publishes batches while there is work, then sleeps
 * until a commit wakes it or the poll interval passes (the poll is the safety net for events committed by other
 * instances or left by failed attempts).
 * <p>
 * Why several: a round is claim → PublishBatch → record, and almost all of its time is spent waiting (on SNS, on the
 * database's commit), so one thread moved about 40 events/s on the local stack whatever the load. Rounds of different
 * workers claim disjoint rows ({@code SKIP LOCKED}, leases) and never two events of one aggregate at once (only an
 * aggregate's earliest unpublished event is claimable), so per-aggregate order is the same as with one worker. A commit
 * wakes one worker; a worker that claimed a full batch wakes another, so the number of busy workers follows the backlog
 * and a quiet system keeps one thread polling.
 */
class RelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayLoop.class);

    private final OutboxRelay relay;
    private final RelayWakeUp wakeUp;
    private final Duration pollInterval;
    private final int workers;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** @param workers threads relaying at most at once, at least 1 */
    RelayLoop(OutboxRelay relay, RelayWakeUp wakeUp, Duration pollInterval, int workers) {
        this.relay = relay;
        this.wakeUp = wakeUp;
        this.pollInterval = pollInterval;
        this.workers = Math.max(1, workers);
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofPlatform().name("outbox-relay-" + i).daemon(false).start(this::run));
        }
    }

    private void run() {
        // The build's one backoff (see Backoff): from the poll interval, doubling with jitter, capped at 30 s.
        Backoff onError = new Backoff(pollInterval, Duration.ofSeconds(30));
        int failedRounds = 0;
        while (running) {
            try {
                int claimed = relay.publishOneBatch();
                failedRounds = 0;
                if (claimed >= EventPublisher.MAX_BATCH) {
                    wakeUp.signal(); // a full batch: probably more behind it, bring another worker in
                } else if (claimed == 0) {
                    wakeUp.await(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // e.g. the database is unreachable: back off, never die
                log.warn("Outbox relay round failed: {}", e.toString());
                try {
                    Thread.sleep(onError.delayAfter(failedRounds++));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
