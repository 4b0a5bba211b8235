package dev.cqrs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the system is: the process environment, falling back to the local stack's {@code .local/stack.env}
 * ({@code export K=V} lines), so the benchmark runs locally with no set-up and against any deployment by setting the
 * same variables (COMMAND_API_URL, QUERY_API_URL, PRIMARY_ROOT_URL, REPLICA1_URL, REPLICA2_URL, DB_ROOT_USER,
 * DB_ROOT_PASSWORD, the queue/table names and the SDK's standard AWS settings).
 */
final class Env {

    private final Map<String, String> values = new HashMap<>();

    Env(Path stackEnv) throws Exception {
        if (Files.exists(stackEnv)) {
            for (String line : Files.readAllLines(stackEnv)) {
                if (line.startsWith("export ") && line.contains("=")) {
                    String pair = line.substring("export ".length());
                    int eq = pair.indexOf('=');
                    values.put(pair.substring(0, eq), unquote(pair.substring(eq + 1)));
                }
            }
        }
        values.putAll(System.getenv());
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (start the local stack, or export it)");
        }
        return value;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The AWS SDK reads its settings from system properties too: hand it the file's values. */
    void exportAwsSettings() {
        for (String key : new String[]{"AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}) {
            if (values.containsKey(key) && System.getenv(key) == null) {
                System.setProperty(key.equals("AWS_REGION") ? "aws.region"
                        : key.equals("AWS_ACCESS_KEY_ID") ? "aws.accessKeyId" : "aws.secretAccessKey", values.get(key));
            }
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\"")) ? value.substring(1, value.length() - 1) : value;
    }
}
