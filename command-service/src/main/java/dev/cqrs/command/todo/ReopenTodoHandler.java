package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.todo.TodoCommands.ReopenTodo;
import org.springframework.stereotype.Component;

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
        Todo todo = store.loadForChange(command.id(), command.expectedVersion());
        Change<Todo> change = todo.reopen(outbox.now());
        store.save(change);
        outbox.append(change);
        return TodoVersion.of(change.state());
    }
}
