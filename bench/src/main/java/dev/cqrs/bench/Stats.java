package dev.cqrs.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a sample of durations in milliseconds (nearest-rank method). */
record Stats(int count, double p50, double p90, double p99, double max) {

    static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Stats of(Collection<Double> millis) {
        if (millis.isEmpty()) {
            return EMPTY;
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Stats(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    String row() {
        return count == 0 ? String.format("%8s %8s %8s %8s", "-", "-", "-", "-")
                : String.format("%8.1f %8.1f %8.1f %8.1f", p50, p90, p99, max);
    }
}
