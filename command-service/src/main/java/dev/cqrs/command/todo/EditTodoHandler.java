package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.todo.TodoCommands.EditTodo;
import org.springframework.stereotype.Component;

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
        Todo todo = store.loadForChange(command.id(), command.expectedVersion());
        Change<Todo> change = todo.edit(command.title(), command.description(), outbox.now());
        store.save(change);
        outbox.append(change);
        return TodoVersion.of(change.state());
    }
}
