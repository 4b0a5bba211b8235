package dev.cqrs.projector;

/** The local stack's settings, as printed by {@code infra/local/stack env}; integration tests fail without them. */
public final class StackEnv {

    private StackEnv() {
    }

    public static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: start the stack and run "
                    + "eval \"$(infra/local/stack env)\" before the integration tests");
        }
        return value;
    }
}
