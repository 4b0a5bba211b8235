package dev.cqrs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the system is: the process environment (bin/bench loads the local stack's {@code .local/stack.env} into it
 * unless COMMAND_API_URL is set), falling back to that file for the names; against a deployment set the same
 * variables (COMMAND_API_URL, PRIMARY_ROOT_URL, REPLICA1_URL, REPLICA2_URL, DB_ROOT_USER, DB_ROOT_PASSWORD, the
 * queue/table names and the SDK's standard AWS settings, which the SDK reads from the environment itself).
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

    private static String unquote(String value) {
        return value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\"")) ? value.substring(1, value.length() - 1) : value;
    }
}
