package dev.cqrs.command.dispatch;

/**
 * Names the version of one aggregate: an aggregate's state, or a command's result (the version the command made the
 * aggregate reach, which clients get back as ETag and consistency token). Versions start at 1 and grow by one per
 * event.
 */
public interface Versioned {

    long version();
}
