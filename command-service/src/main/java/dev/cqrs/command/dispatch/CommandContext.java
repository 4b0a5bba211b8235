package dev.cqrs.command.dispatch;

import java.util.UUID;

/**
 * Who asked and under which correlation id: metadata every event carries, set per request by the web
 * layer's request-metadata filter so commands stay pure domain records.
 */
public record CommandContext(String correlationId, String actor) {

    private static final ThreadLocal<CommandContext> CURRENT = new ThreadLocal<>();

    public static CommandContext current() {
        CommandContext context = CURRENT.get();
        return context != null ? context : new CommandContext(UUID.randomUUID().toString(), "anonymous");
    }

    public static void set(CommandContext context) {
        CURRENT.set(context);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
