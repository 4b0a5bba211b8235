package dev.cqrs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of every process of the local system, from {@code /proc/<pid>/stat} (utime + stime, in clock ticks of
 * 10 ms: USER_HZ is 100 on Linux x86-64). The pids come from the local stack's and the services' pidfiles, so a
 * regression names its component. Empty against a remote deployment.
 * <p>
 * The JVMs' just-in-time compilation is its own column, {@value #JIT}: the CPU of their C1/C2 compiler threads
 * ({@code /proc/<pid>/task/<tid>/comm} starts with "C1 " or "C2 "), taken out of each service's own figure. On two
 * cores a JVM compiles for minutes at tens of commands per second (C2 compiles a method after about 10,000 calls), so
 * without this split a short run reports warm-up as the cost of a command.
 */
final class ProcessCpu {

    private static final double MILLIS_PER_TICK = 10.0;

    /** The column of the JVMs' compiler threads, summed over the four services. */
    static final String JIT = "jvm-jit";

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> jvms = new LinkedHashMap<>();

    private static final List<String> JVM_SERVICES =
            List.of("command-service", "query-service", "audit-worker", "projector-lambda");

    /** The four services' process names, the JVMs whose compiler threads make up {@link #JIT}. */
    static List<String> jvmNames() {
        return JVM_SERVICES;
    }

    ProcessCpu(Path repo) {
        add(repo.resolve(".local/services"), JVM_SERVICES.toArray(String[]::new));
        jvms.putAll(pids);
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

    /** CPU milliseconds used so far, per process name; the JVMs without their compiler threads, those in {@link #JIT}. */
    Map<String, Double> sample() {
        Map<String, Double> millis = new LinkedHashMap<>();
        double jit = 0;
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            Path proc = Path.of("/proc/" + process.getValue());
            try {
                double compiling = jvms.containsKey(process.getKey()) ? compilerTicks(proc) * MILLIS_PER_TICK : 0;
                millis.put(process.getKey(), ticks(proc.resolve("stat")) * MILLIS_PER_TICK - compiling);
                jit += compiling;
            } catch (Exception e) {
                millis.put(process.getKey(), Double.NaN);
            }
        }
        if (!jvms.isEmpty()) {
            millis.put(JIT, jit);
        }
        return millis;
    }

    /** The JIT compiler threads' ticks; a thread that ended between listing and reading counts as none. */
    private static long compilerTicks(Path proc) throws IOException {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm"));
                    if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
                        sum += ticks(task.resolve("stat"));
                    }
                } catch (IOException gone) {
                    // the thread exited
                }
            }
        }
        return sum;
    }

    /** utime + stime of a {@code stat} file, in clock ticks. */
    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new LinkedHashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, Double.NaN)));
        return delta;
    }
}
