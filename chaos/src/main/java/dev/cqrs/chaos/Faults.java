package dev.cqrs.chaos;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Process-level faults on the local stack and the recovery through the repository's own scripts:
 * {@code bin/services start} (starts whichever service is not running, waits until healthy) and
 * {@code infra/local/stack up} (starts whichever piece is down, waits until healthy). Pids come from the pidfiles the
 * scripts write: {@code .local/services/<service>.pid} and {@code .local/pids/<piece>.pid}. Only those processes are
 * signalled, by pid.
 */
final class Faults {

    private final Path root;
    private final File log;

    Faults(Path root, File log) {
        this.root = root;
        this.log = log;
    }

    long servicePid(String service) throws IOException {
        return Long.parseLong(Files.readString(root.resolve(".local/services/" + service + ".pid")).trim());
    }

    long stackPid(String piece) throws IOException {
        return Long.parseLong(Files.readString(root.resolve(".local/pids/" + piece + ".pid")).trim());
    }

    /** SIGKILL to the process, then waits (deadline 10 s) until it is gone. */
    void kill9(long pid, String what) throws Exception {
        Chaos.say("fault: kill -9 " + what + " (pid " + pid + ")");
        signal("KILL", pid);
        poll("pid " + pid + " gone", Duration.ofSeconds(10), () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    void signal(String signal, long pid) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** bin/services start: restarts whatever service is down and waits until all four are healthy. */
    void servicesStart() throws Exception {
        run(Duration.ofSeconds(240), "bin/services", "start");
    }

    /** infra/local/stack up: restarts whatever piece is down and waits until all are healthy. */
    void stackUp() throws Exception {
        run(Duration.ofSeconds(300), "infra/local/stack", "up");
    }

    /** bin/redrive projector|audit. */
    void redrive(String which) throws Exception {
        run(Duration.ofSeconds(180), "bin/redrive", which);
    }

    /** Runs one of the repository's scripts, output appended to the chaos log; fails on a non-zero exit or timeout. */
    void run(Duration timeout, String... command) throws Exception {
        Chaos.say("  $ " + String.join(" ", command));
        Process p = new ProcessBuilder(List.of(command)).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + " (see " + log + ")");
        }
    }

    /** Polls the condition every 200 ms until it holds or the deadline passes; returns whether it held. */
    static boolean poll(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // e.g. a store still restarting: keep polling until the deadline
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        Chaos.say("  (gave up waiting for " + what + " after " + deadline.toSeconds() + " s)");
        return false;
    }
}
