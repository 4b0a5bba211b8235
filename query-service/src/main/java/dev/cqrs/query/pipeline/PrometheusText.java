package dev.cqrs.query.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format, version 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): what every service's {@code /actuator/prometheus}
 * writes, the projector runner's included.
 * <p>
 * Hand-written, because nothing on the classpath reads this format: Micrometer and the Prometheus Java client
 * ({@code prometheus-metrics-exposition-textformats}) only write it, and the client's protobuf classes would need
 * every endpoint to offer protobuf, which the projector runner does not. The format's sample lines are simple:
 * {@code name{label="value",…} value [timestamp]}, label values escaping {@code \\}, {@code \"} and {@code \n};
 * {@code #} lines (HELP, TYPE, EOF) are skipped. A line that does not parse is skipped too, so one odd series never
 * hides the others.
 */
final class PrometheusText {

    private PrometheusText() {
    }

    /** Every sample of the exposition, in order. */
    static List<Sample> parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Sample sample = sample(trimmed);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return samples;
    }

    /** One sample line, or null when it is not one. */
    static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        if (name.isEmpty()) {
            return null;
        }
        Map<String, String> labels = new HashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
            if (i < 0) {
                return null;
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (rest.length == 0 || rest[0].isEmpty()) {
            return null;
        }
        Double value = value(rest[0]);
        return value == null ? null : new Sample(name, labels, value);
    }

    /** Reads {@code a="x",b="y"}} from {@code from}; the index after the closing brace, or -1 when malformed. */
    private static int labels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == ' ')) {
                i++;
            }
            if (i >= line.length()) {
                return -1;
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                return -1;
            }
            String key = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            i = equals + 2;
            while (i < line.length() && line.charAt(i) != '"') {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                i++;
            }
            if (i >= line.length()) {
                return -1;
            }
            labels.put(key, value.toString());
            i++; // past the closing quote
        }
    }

    private static Double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }
}
