package dev.cqrs.command.todo;

/** What a todo command returns: the todo and the version it reached (the ETag and consistency token). */
record TodoVersion(String id, long version) {
}
