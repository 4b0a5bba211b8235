package dev.cqrs.query.todo;

import dev.cqrs.query.replica.Served;
import dev.cqrs.query.web.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

@RestController
@RequestMapping("/api/todos")
class TodoController {

    private final GetTodoHandler getTodo;
    private final ListTodosHandler listTodos;

    TodoController(GetTodoHandler getTodo, ListTodosHandler listTodos) {
        this.getTodo = getTodo;
        this.listTodos = listTodos;
    }

    @Operation(summary = "One todo from the read model",
            description = "ETag is the todo's version. 404 until the projection has caught up with the command.")
    @GetMapping("/{id}")
    ResponseEntity<TodoView> get(@PathVariable String id) {
        Served<Optional<TodoView>> served = getTodo.handle(new GetTodo(id));
        TodoView todo = served.result().orElseThrow(() -> new TodoNotFoundException(id, served.serverId()));
        return ResponseEntity.ok()
                .eTag(Long.toString(todo.version()))
                .header(Served.HEADER, served.serverIdHeaderValue())
                .body(todo);
    }

    @Operation(summary = "Todos in creation order, one page at a time")
    @GetMapping
    ResponseEntity<TodoPage> list(
            @Parameter(description = "page size, 1 to 100 (default 20)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String after) {
        ListTodos query = new ListTodos(PageLimit.of(limit),
                after == null || after.isBlank() ? null : TodoCursor.decode(after));
        Served<TodoPage> served = listTodos.handle(query);
        return ResponseEntity.ok().header(Served.HEADER, served.serverIdHeaderValue()).body(served.result());
    }
}
