package dev.cqrs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of every process of the local system, from {@code /proc/<pid>/stat} (utime + stime, in clock ticks of
 * 10 ms: USER_HZ is 100 on Linux x86-64). The pids come from the local stack's and the services' pidfiles, so a
 * regression names its component. Empty against a remote deployment.
 */
final class ProcessCpu {

    private static final double MILLIS_PER_TICK = 10.0;

    private final Map<String, Long> pids = new LinkedHashMap<>();

    ProcessCpu(Path repo) {
        add(repo.resolve(".local/services"), "command-service", "query-service", "audit-worker", "projector-lambda");
        add(repo.resolve(".local/pids"), "mariadb-primary", "mariadb-replica1", "mariadb-replica2", "fauxqs",
                "dynamodb", "pdns");
    }

    private void add(Path dir, String... names) {
        for (String name : names) {
            try {
                long pid = Long.parseLong(Files.readString(dir.resolve(name + ".pid")).trim());
                if (Files.exists(Path.of("/proc/" + pid))) {
                    pids.put(name, pid);
                }
            } catch (Exception e) {
                // not running locally: left out of the table
            }
        }
    }

    /** CPU milliseconds used so far, per process name. */
    Map<String, Double> sample() {
        Map<String, Double> millis = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // Fields after the command name, which is in parentheses and may contain spaces.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                millis.put(name, ticks * MILLIS_PER_TICK);
            } catch (Exception e) {
                millis.put(name, Double.NaN);
            }
        });
        return millis;
    }

    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new LinkedHashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, Double.NaN)));
        return delta;
    }
}
