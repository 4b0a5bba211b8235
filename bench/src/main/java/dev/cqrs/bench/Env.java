package dev.cqrs.bench;

/**
 * Where the system is: the process environment. bin/bench loads the local stack's {@code .local/stack.env} into it
 * unless COMMAND_API_URL is set; against a deployment set the same variables (COMMAND_API_URL, PRIMARY_ROOT_URL,
 * REPLICA1_URL, REPLICA2_URL, DB_ROOT_USER, DB_ROOT_PASSWORD, the queue/table names and the SDK's standard AWS
 * settings, which the SDK reads from the environment itself).
 */
final class Env {

    String get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (start the local stack, or export it)");
        }
        return value;
    }

    String get(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
