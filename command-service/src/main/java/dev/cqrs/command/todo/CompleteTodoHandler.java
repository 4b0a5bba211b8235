package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.todo.TodoCommands.CompleteTodo;
import dev.cqrs.command.web.CommandException;
import dev.cqrs.contracts.todo.TodoCompleted;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class CompleteTodoHandler implements CommandHandler<CompleteTodo, TodoVersion> {

    private final TodoStore store;
    private final Outbox outbox;

    CompleteTodoHandler(TodoStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public TodoVersion handle(CompleteTodo command) {
        TodoStore.Todo todo = store.loadForChange(command.id(), command.expectedVersion());
        if (todo.completed()) {
            throw CommandException.conflict("Already completed", "todo " + todo.id() + " is already completed");
        }
        Instant now = outbox.now();
        long version = store.save(new TodoStore.Todo(todo.id(), todo.title(), todo.description(), true,
                todo.version()), now);
        outbox.append(new TodoCompleted(todo.id(), now), version, now);
        return new TodoVersion(todo.id(), version);
    }
}
