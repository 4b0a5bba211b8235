package dev.cqrs.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The benchmark's output: table on stdout, CSV and JSON files, and two PNG charts drawn with JFreeChart. */
final class Report {

    private static final String HEADER = String.format(Locale.ROOT,
            "%6s %8s %6s %5s %5s | %-35s | %-35s | %-35s | %-35s | %-35s | %8s %7s %7s",
            "rate", "achieved", "cmds", "err", "rej",
            "command ms p50/p90/p99/max", "commit→published", "commit→primary (sample)",
            "commit→replica (worst of 2)", "commit→audit item", "backlog", "drain s", "cpu ms");

    static String row(PipelineBench.RateResult r) {
        Stats replica = r.visible().get("replica1").p99() >= r.visible().get("replica2").p99()
                ? r.visible().get("replica1") : r.visible().get("replica2");
        return String.format(Locale.ROOT, "%6d %8.1f %6d %5d %5d | %s | %s | %s | %s | %s | %8d%s %7.1f %7.1f",
                r.rate(), r.achieved(), r.commands(), r.errors(), r.rejected(), r.command().row(),
                r.published().row(), r.visible().get("primary").row(), replica.row(), r.visible().get("audit").row(),
                r.backlogAtEnd(), r.backlogGrowing() ? "↑" : " ", r.drainSeconds(), r.totalCpuPerCommand());
    }

    static void print(List<PipelineBench.RateResult> results, Double ceiling, PrintStream out) {
        out.println();
        out.println(HEADER);
        results.forEach(r -> out.println(row(r)));
        PipelineBench.RateResult knee = null;
        for (PipelineBench.RateResult r : results) {
            if (r.healthy()) {
                knee = r;
            }
        }
        out.println(knee == null ? "knee: none of the rates kept commit→replica p99 under 1 s with no growing backlog"
                : "knee: " + knee.rate() + " commands/s (commit→replica p99 " + (int) knee.replicaP99()
                + " ms, no growing backlog)");
        out.println();
        out.println("CPU ms per command, per process:");
        Set<String> processes = new LinkedHashSet<>();
        results.forEach(r -> processes.addAll(r.cpuPerCommand().keySet()));
        StringBuilder header = new StringBuilder(String.format("%6s", "rate"));
        processes.forEach(p -> header.append(String.format(" %16s", p)));
        out.println(header.append(String.format(" %8s", "total")));
        for (PipelineBench.RateResult r : results) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6d", r.rate()));
            processes.forEach(p -> line.append(String.format(Locale.ROOT, " %16.2f",
                    r.cpuPerCommand().getOrDefault(p, Double.NaN))));
            out.println(line.append(String.format(Locale.ROOT, " %8.2f", r.totalCpuPerCommand())));
        }
        if (ceiling != null) {
            out.printf(Locale.ROOT, "%nraw-JDBC ceiling of the same write (todo + outbox row, commit; 8 threads): "
                    + "%.0f transactions/s%n", ceiling);
            results.forEach(r -> out.printf(Locale.ROOT, "  at %d/s the system answered %.1f commands/s without an error "
                    + "= %.1f %% of the ceiling%s%n", r.rate(), r.delivered(), 100 * r.delivered() / ceiling,
                    r.healthy() ? "" : " (past the knee: the pipeline fell behind)"));
        }
    }

    static void write(List<PipelineBench.RateResult> results, Double ceiling, List<Backlog.Point> backlog, Path out)
            throws Exception {
        List<String> csv = new ArrayList<>();
        csv.add("rate,achieved,commands,errors,rejected,stage,p50_ms,p90_ms,p99_ms,max_ms,samples");
        StringBuilder json = new StringBuilder("{\"ceilingTransactionsPerSecond\":").append(ceiling)
                .append(",\"rates\":[");
        for (int i = 0; i < results.size(); i++) {
            PipelineBench.RateResult r = results.get(i);
            Map<String, Stats> stages = new LinkedHashMap<>();
            stages.put("command", r.command());
            stages.put("published", r.published());
            r.visible().forEach((store, stats) -> stages.put(store, stats));
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"rate\":%d,\"achieved\":%.2f,\"commands\":%d,\"errors\":%d,\"rejected\":%d,"
                            + "\"backlogAtEnd\":%d,\"backlogGrowing\":%b,\"drainSeconds\":%.1f,\"stages\":{",
                    r.rate(), r.achieved(), r.commands(), r.errors(), r.rejected(), r.backlogAtEnd(),
                    r.backlogGrowing(), r.drainSeconds()));
            int s = 0;
            for (Map.Entry<String, Stats> stage : stages.entrySet()) {
                Stats st = stage.getValue();
                csv.add(String.format(Locale.ROOT, "%d,%.2f,%d,%d,%d,%s,%.2f,%.2f,%.2f,%.2f,%d", r.rate(),
                        r.achieved(), r.commands(), r.errors(), r.rejected(), stage.getKey(), st.p50(), st.p90(),
                        st.p99(), st.max(), st.count()));
                json.append(s++ == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "\"%s\":{\"p50\":%s,\"p90\":%s,\"p99\":%s,\"max\":%s,\"samples\":%d}", stage.getKey(),
                        num(st.p50()), num(st.p90()), num(st.p99()), num(st.max()), st.count()));
            }
            json.append("},\"cpuMsPerCommand\":{");
            int c = 0;
            for (Map.Entry<String, Double> process : r.cpuPerCommand().entrySet()) {
                json.append(c++ == 0 ? "" : ",").append("\"").append(process.getKey()).append("\":")
                        .append(num(process.getValue()));
            }
            json.append("}}");
        }
        json.append("],\"backlog\":[");
        for (int i = 0; i < backlog.size(); i++) {
            Backlog.Point p = backlog.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"s\":%.1f", p.seconds()));
            p.depth().forEach((k, v) -> json.append(",\"").append(k).append("\":").append(v));
            json.append("}");
        }
        json.append("]}");
        Files.write(out.resolve("results.csv"), csv);
        Files.writeString(out.resolve("results.json"), json.toString());
        latencyChart(results, out.resolve("latency.png"));
        backlogChart(backlog, out.resolve("backlog.png"));
    }

    private static void latencyChart(List<PipelineBench.RateResult> results, Path file) throws Exception {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (String name : List.of("command p50", "command p99", "commit→replica p50", "commit→replica p99",
                "commit→audit p99")) {
            series.put(name, new XYSeries(name));
        }
        for (PipelineBench.RateResult r : results) {
            add(series.get("command p50"), r.rate(), r.command().p50());
            add(series.get("command p99"), r.rate(), r.command().p99());
            add(series.get("commit→replica p50"), r.rate(), Math.max(r.visible().get("replica1").p50(),
                    r.visible().get("replica2").p50()));
            add(series.get("commit→replica p99"), r.rate(), r.replicaP99());
            add(series.get("commit→audit p99"), r.rate(), r.visible().get("audit").p99());
        }
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Latency by offered rate", "commands/s (offered)",
                "milliseconds (log)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        LogarithmicAxis axis = new LogarithmicAxis("milliseconds (log)");
        axis.setAllowNegativesFlag(false);
        plot.setRangeAxis(axis);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
    }

    private static void backlogChart(List<Backlog.Point> points, Path file) throws Exception {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Backlog.Point p : points) {
            // Dead-letter queues are not backlog (nothing drains them but an operator): in results.json only.
            p.depth().entrySet().stream().filter(e -> !e.getKey().endsWith("-dlq")).forEach(e ->
                    series.computeIfAbsent(e.getKey(), XYSeries::new).add(p.seconds(), e.getValue()));
        }
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Backlog over the run (outbox rows, queue messages)",
                "seconds", "rows / messages", data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setBackgroundPaint(java.awt.Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
    }

    private static void add(XYSeries series, int x, double y) {
        if (!Double.isNaN(y) && y > 0) {
            series.add(x, y);
        }
    }

    private static String num(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.2f", value);
    }

    private Report() {
    }
}
