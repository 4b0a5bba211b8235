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
        Duration errorPause = pollInterval;
        while (running) {
            try {
                relay.drain();
                errorPause = pollInterval;
                wakeUp.await(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // e.g. the database is unreachable: back off, never die
                log.warn("Outbox relay round failed: {}", e.toString());
                errorPause = errorPause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30) : errorPause.multipliedBy(2);
                try {
                    Thread.sleep(errorPause);
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
