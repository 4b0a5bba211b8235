package dev.cqrs.bench;

import dev.cqrs.contracts.auth.ClientCredentials;
import dev.cqrs.contracts.auth.Scopes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pipeline benchmark ({@code bin/bench}): open-loop mixed load at each given rate, and per rate where the time goes
 * (command latency; committed → published from the outbox's timestamps; → applied on the primary, → visible on each
 * replica, → audit item stored, for a sample of todo creates), the backlog over time, CPU milliseconds per command of
 * every local process, and the raw-JDBC ceiling of the same write. Output: a table on stdout, {@code results.csv},
 * {@code results.json}, {@code latency.png} and {@code backlog.png} in the output folder.
 * <p>
 * Arguments: {@code --rates=10,50,100} (commands/s), {@code --seconds=20} per rate, {@code --ramp} (go on through
 * the rates and report the knee: the highest rate whose commit→replica p99 stays under 1 s with no growing
 * backlog; stop two rates past it), {@code --out=bench/results}, {@code --no-ceiling}, {@code --warmup=240} (at
 * most that many seconds of warm-up, 0 for none) at {@code --warmup-rate=40} commands/s.
 */
public final class PipelineBench {

    /** One rate's numbers. Times in milliseconds; cpu in ms per command, per process. */
    record RateResult(int rate, int seconds, double achieved, int commands, int errors, int rejected,
                      Stats command, Stats published, Map<String, Stats> visible, long backlogAtEnd,
                      boolean backlogGrowing, double drainSeconds, Map<String, Double> cpuPerCommand) {

        /** Commands/s that succeeded (2xx) or were refused by a business rule (4xx): errors (5xx, timeouts) left out. */
        double delivered() {
            return achieved * (commands - errors) / Math.max(1, commands);
        }

        double totalCpuPerCommand() {
            return cpuPerCommand.values().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).sum();
        }

        double replicaP99() {
            return Math.max(visible.get("replica1").p99(), visible.get("replica2").p99());
        }

        boolean healthy() {
            return errors == 0 && !backlogGrowing && replicaP99() < 1000;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        int[] rates = Arrays.stream(options.getOrDefault("rates", "10,50,100,200,400").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        boolean ramp = options.containsKey("ramp");
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        Path repo = Path.of(options.getOrDefault("repo", "."));
        Env env = new Env();

        String run = UUID.randomUUID().toString().substring(0, 8);
        ProcessCpu cpu = new ProcessCpu(repo);
        List<RateResult> results = new ArrayList<>();
        List<Backlog.Point> backlogPoints;
        Double ceiling = null;
        try (Visibility visibility = new Visibility(env); Backlog backlog = new Backlog(env)) {
            Load load = new Load(env.get("COMMAND_API_URL", "http://127.0.0.1:8080"),
                    ClientCredentials.fromEnvironment(Scopes.ALL), run, visibility);
            load.prepare();
            warmUp(load, backlog, visibility, cpu, Integer.parseInt(options.getOrDefault("warmup-rate", "40")),
                    Integer.parseInt(options.getOrDefault("warmup", "240")));
            int pastKnee = 0;
            for (int rate : rates) {
                RateResult result = measure(env, load, visibility, backlog, cpu, rate, seconds);
                results.add(result);
                System.out.println(Report.row(result));
                if (ramp && !result.healthy() && ++pastKnee >= 2) {
                    break;
                }
            }
            backlogPoints = backlog.points();
        }
        if (!options.containsKey("no-ceiling")) {
            ceiling = JdbcCeiling.transactionsPerSecond(env, 8, 10);
        }
        Report.print(results, ceiling, System.out);
        Report.write(results, ceiling, backlogPoints, out);
        System.out.println("written: " + out.resolve("results.csv") + ", results.json, latency.png, backlog.png");
    }

    /**
     * Loads the system in steps of 10 s until the JVMs have done their just-in-time compiling: a step whose compiler
     * threads used under 10 % of the JVMs' CPU, or {@code maxSeconds} of load. Measured from a cold start instead, the
     * first minutes report C1/C2 compilation and not-yet-compiled code as the cost of a command (seen here: the
     * command service's own CPU per created todo fell from 14.5 ms over its first 3,000 commands to about 4 ms later).
     */
    private static void warmUp(Load load, Backlog backlog, Visibility visibility, ProcessCpu cpu, int rate,
                               int maxSeconds) throws Exception {
        int step = Math.min(10, Math.max(1, maxSeconds));
        for (int loaded = 0; loaded < Math.max(maxSeconds, 1); loaded += step) {
            Map<String, Double> before = cpu.sample();
            int commands = load.run(rate, step).size();
            awaitQuiet(backlog, visibility, Duration.ofSeconds(60));
            Map<String, Double> used = ProcessCpu.delta(before, cpu.sample());
            double jit = used.getOrDefault(ProcessCpu.JIT, 0.0);
            double jvms = jit + ProcessCpu.jvmNames().stream().mapToDouble(n -> used.getOrDefault(n, 0.0)).sum();
            System.out.printf(java.util.Locale.ROOT, "warm-up %3d s: %d commands at %d/s, JIT compilation %.1f s of "
                    + "the JVMs' %.1f s CPU%n", loaded + step, commands, rate, jit / 1000, jvms / 1000);
            if (maxSeconds == 0 || jvms == 0 || jit < 0.10 * jvms) {
                break;
            }
        }
        visibility.drain();
    }

    private static RateResult measure(Env env, Load load, Visibility visibility, Backlog backlog, ProcessCpu cpu,
                                      int rate, int seconds) throws Exception {
        visibility.sampleAbout(20, Math.max(1, rate * 35 / 100));
        Map<String, Double> cpuBefore = cpu.sample();
        LocalDateTime from = dbNow(env);
        long backlogBefore = Backlog.pipeline(backlog.sample());
        long started = System.nanoTime();
        List<Load.Result> commands = load.run(rate, seconds);
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long backlogAtEnd = Backlog.pipeline(backlog.sample());
        long drainStart = System.nanoTime();
        awaitQuiet(backlog, visibility, Duration.ofSeconds(120));
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        Map<String, Double> cpuUsed = ProcessCpu.delta(cpuBefore, cpu.sample());
        LocalDateTime to = dbNow(env);

        Map<String, Double> perCommand = new LinkedHashMap<>();
        cpuUsed.forEach((name, millis) -> perCommand.put(name, millis / Math.max(1, commands.size())));
        int errors = (int) commands.stream().filter(Load.Result::error).count();
        int rejected = (int) commands.stream().filter(Load.Result::rejected).count();
        Stats command = Stats.of(commands.stream().filter(r -> !r.error()).map(Load.Result::latencyMillis).toList());
        Map<String, Stats> visible = Visibility.stats(visibility.drain());
        // "Growing": the pipeline ended the load with more than two seconds' worth of work queued behind it.
        boolean growing = backlogAtEnd - backlogBefore > 2L * rate;
        return new RateResult(rate, seconds, commands.size() / loadSeconds, commands.size(), errors, rejected,
                command, published(env, from, to), visible, backlogAtEnd, growing, drainSeconds, perCommand);
    }

    /** Waits until the outbox and the work queues are empty and every sample is visible everywhere (bounded). */
    private static void awaitQuiet(Backlog backlog, Visibility visibility, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (Backlog.pipeline(backlog.sample()) == 0 && visibility.complete()) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** committed → published for every event of the window, from the outbox's own timestamps (server clock). */
    private static Stats published(Env env, LocalDateTime from, LocalDateTime to) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (Connection primary = DriverManager.getConnection(env.get("PRIMARY_ROOT_URL"), env.get("DB_ROOT_USER"),
                env.get("DB_ROOT_PASSWORD"));
             PreparedStatement query = primary.prepareStatement("SELECT TIMESTAMPDIFF(MICROSECOND, created_at, "
                     + "published_at) FROM command_db.outbox WHERE created_at BETWEEN ? AND ? "
                     + "AND published_at IS NOT NULL")) {
            query.setObject(1, from);
            query.setObject(2, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    millis.add(rows.getLong(1) / 1000.0);
                }
            }
        }
        return Stats.of(millis);
    }

    /** The database's clock in UTC, the wall-clock time the outbox's DATETIME(6) columns hold. */
    private static LocalDateTime dbNow(Env env) throws Exception {
        try (Connection primary = DriverManager.getConnection(env.get("PRIMARY_ROOT_URL"), env.get("DB_ROOT_USER"),
                env.get("DB_ROOT_PASSWORD"));
             PreparedStatement query = primary.prepareStatement("SELECT UTC_TIMESTAMP(6)");
             ResultSet row = query.executeQuery()) {
            row.next();
            return LocalDateTime.parse(row.getString(1).replace(' ', 'T'));
        }
    }

    private PipelineBench() {
    }
}
