package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.todo.TodoCommands.DeleteTodo;
import org.springframework.stereotype.Component;

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
        Todo todo = store.loadForChange(command.id(), command.expectedVersion());
        Change<Todo> change = todo.delete(outbox.now());
        store.delete(change);
        outbox.append(change);
        return TodoVersion.of(change.state());
    }
}
