package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Versioned;

/**
 * What a todo command returns, and the JSON body of its response ({@code {"id":"…","version":2}}): the todo and the
 * version it reached (also sent as ETag and X-Consistency-Token).
 */
record TodoVersion(String id, long version) implements Versioned {

    static TodoVersion of(Todo todo) {
        return new TodoVersion(todo.id(), todo.version());
    }
}
