package dev.cqrs.command.outbox;

import java.util.UUID;

/**
 * Who asked and under which correlation id: what every event appended on this thread carries in its envelope
 * ({@code actor}, {@code correlationId}). The web layer binds it per request from the access token's subject and
 * {@code X-Correlation-Id}; without a binding (e.g. a scheduled job) it is a fresh correlation id and
 * {@code "anonymous"}. Commands stay pure domain records and handlers never see it.
 */
public record EventMetadata(String correlationId, String actor) {

    private static final ThreadLocal<EventMetadata> CURRENT = new ThreadLocal<>();

    public static EventMetadata current() {
        EventMetadata metadata = CURRENT.get();
        return metadata != null ? metadata : new EventMetadata(UUID.randomUUID().toString(), "anonymous");
    }

    /** Binds {@code metadata} to this thread until {@link #clear()}. */
    public static void bind(EventMetadata metadata) {
        CURRENT.set(metadata);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
