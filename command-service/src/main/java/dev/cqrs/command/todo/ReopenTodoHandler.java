package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.todo.TodoCommands.ReopenTodo;
import dev.cqrs.command.web.CommandException;
import dev.cqrs.contracts.todo.TodoReopened;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class ReopenTodoHandler implements CommandHandler<ReopenTodo, TodoVersion> {

    private final TodoStore store;
    private final Outbox outbox;

    ReopenTodoHandler(TodoStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public TodoVersion handle(ReopenTodo command) {
        TodoStore.Todo todo = store.loadForChange(command.id(), command.expectedVersion());
        if (!todo.completed()) {
            throw CommandException.conflict("Not completed", "todo " + todo.id() + " is not completed");
        }
        Instant now = outbox.now();
        long version = store.save(new TodoStore.Todo(todo.id(), todo.title(), todo.description(), false,
                todo.version()), now);
        outbox.append(new TodoReopened(todo.id(), now), version, now);
        return new TodoVersion(todo.id(), version);
    }
}
