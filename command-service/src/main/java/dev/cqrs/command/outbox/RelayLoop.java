package dev.cqrs.command.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Runs the relay on its own thread: drains what is due, then sleeps until a commit wakes it or the poll interval
 * passes. The poll is the safety net for events committed by other instances or left by failed attempts.
 */
class RelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayLoop.class);

    private final OutboxRelay relay;
    private final RelayWakeUp wakeUp;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread thread;

    RelayLoop(OutboxRelay relay, RelayWakeUp wakeUp, Duration pollInterval) {
        this.relay = relay;
        this.wakeUp = wakeUp;
        this.pollInterval = pollInterval;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon(false).start(this::run);
    }

    private void run() {
        // The build's one backoff (see Backoff): from the poll interval, doubling with jitter, capped at 30 s.
        Backoff onError = new Backoff(pollInterval, Duration.ofSeconds(30));
        int failedRounds = 0;
        while (running) {
            try {
                relay.drain();
                failedRounds = 0;
                wakeUp.await(pollInterval.toMillis());
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
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
