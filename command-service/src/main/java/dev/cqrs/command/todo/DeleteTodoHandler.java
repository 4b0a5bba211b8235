package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.todo.TodoCommands.DeleteTodo;
import dev.cqrs.contracts.todo.TodoDeleted;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class DeleteTodoHandler implements CommandHandler<DeleteTodo, TodoVersion> {

    private final TodoStore store;
    private final Outbox outbox;

    DeleteTodoHandler(TodoStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public TodoVersion handle(DeleteTodo command) {
        TodoStore.Todo todo = store.loadForChange(command.id(), command.expectedVersion());
        Instant now = outbox.now();
        long version = store.delete(todo);
        outbox.append(new TodoDeleted(todo.id(), now), version, now);
        return new TodoVersion(todo.id(), version);
    }
}
