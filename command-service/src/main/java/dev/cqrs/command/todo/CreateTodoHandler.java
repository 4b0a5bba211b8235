package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.todo.TodoCommands.CreateTodo;
import org.springframework.stereotype.Component;

import java.util.UUID;

@Component
class CreateTodoHandler implements CommandHandler<CreateTodo, TodoVersion> {

    private final TodoStore store;
    private final Outbox outbox;

    CreateTodoHandler(TodoStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public TodoVersion handle(CreateTodo command) {
        Change<Todo> created = Todo.create(UUID.randomUUID().toString(), command.title(), command.description(),
                outbox.now());
        store.insert(created);
        outbox.append(created);
        return TodoVersion.of(created.state());
    }
}
