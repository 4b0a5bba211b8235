package dev.cqrs.e2e;

/**
 * The local stack's settings, as {@code infra/local/stack env} prints them. Each test module has its own
 * {@code StackEnv} (projector-lambda, query-service, e2e-tests): modules share no test code, and a shared test module
 * for these few lines would cost more than it saves.
 */
final class StackEnv {

    private StackEnv() {
    }

    /** A setting of the local stack; the tests fail without it. */
    static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: start the stack and run "
                    + "eval \"$(infra/local/stack env)\" before the tests (bin/test does both)");
        }
        return value;
    }

    /** A setting that may be absent (blank counts as absent). */
    static java.util.Optional<String> optional(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }
}
