package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.todo.TodoCommands.EditTodo;
import dev.cqrs.contracts.todo.TodoEdited;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class EditTodoHandler implements CommandHandler<EditTodo, TodoVersion> {

    private final TodoStore store;
    private final Outbox outbox;

    EditTodoHandler(TodoStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public TodoVersion handle(EditTodo command) {
        TodoStore.Todo todo = store.loadForChange(command.id(), command.expectedVersion());
        Instant now = outbox.now();
        long version = store.save(new TodoStore.Todo(todo.id(), command.title(), command.description(),
                todo.completed(), todo.version()), now);
        outbox.append(new TodoEdited(todo.id(), command.title(), command.description(), now), version, now);
        return new TodoVersion(todo.id(), version);
    }
}
