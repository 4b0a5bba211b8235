package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.CommandDispatcher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/todos")
@Tag(name = "Todos", description = "Commands on todos. Reads are served by the query service.")
class TodoController {

    private final CommandDispatcher dispatcher;

    TodoController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Schema(description = "A new todo")
    record CreateTodoRequest(
            @Schema(example = "Buy milk") @NotBlank @Size(max = 200) String title,
            @Schema(example = "Two litres, semi-skimmed") @Size(max = 2000) String description) {
    }

    @Operation(summary = "Create a todo",
            description = "Returns 201 with the todo's location on the query service and its version as ETag.")
    @PostMapping
    ResponseEntity<TodoVersion> create(@Valid @RequestBody CreateTodoRequest request) {
        TodoVersion created = dispatcher.dispatch(new CreateTodo(request.title().strip(), request.description()));
        return ResponseEntity.created(URI.create("/api/todos/" + created.id()))
                .eTag(Long.toString(created.version()))
                .body(created);
    }
}
