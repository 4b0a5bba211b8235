package dev.cqrs.query.pipeline;

import java.util.Map;

/**
 * One line of the Prometheus text exposition format: a series name, its labels and its value (NaN and ±Inf
 * included).
 */
record Sample(String name, Map<String, String> labels, double value) {

    Sample {
        labels = Map.copyOf(labels);
    }

    /** Whether every given label has the given value here (other labels may exist). */
    boolean has(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
    }
}
