package dev.cqrs.command.todo;

import dev.cqrs.command.web.VersionHeaders;

/** What a todo command returns: the todo and the version it reached (the ETag and consistency token). */
record TodoVersion(String id, long version) implements VersionHeaders.Versioned {
}
