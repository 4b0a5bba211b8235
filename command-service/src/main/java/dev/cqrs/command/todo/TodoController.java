package dev.cqrs.command.todo;

import jakarta.annotation.Nullable;
import dev.cqrs.command.api.IfMatch;
import dev.cqrs.command.api.VersionHeaders;
import dev.cqrs.command.dispatch.CommandDispatcher;
import dev.cqrs.command.todo.TodoCommands.CompleteTodo;
import dev.cqrs.command.todo.TodoCommands.CreateTodo;
import dev.cqrs.command.todo.TodoCommands.DeleteTodo;
import dev.cqrs.command.todo.TodoCommands.EditTodo;
import dev.cqrs.command.todo.TodoCommands.ReopenTodo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * {@code /api/todos}: turns each request into one todo command and sends it to the {@link CommandDispatcher}.
 * Responses: the {@link TodoVersion} as body and as ETag/X-Consistency-Token; refusals are problem details (400 invalid
 * fields, 404 unknown todo, 409 a rule or a lasting lock conflict, 412 stale If-Match).
 */
@RestController
@RequestMapping("/api/todos")
@Tag(name = "Todos", description = "Commands on todos. Reads are served by the query service. Every response carries "
        + "the todo's version as ETag and X-Consistency-Token; send it back as If-Match to write only over that version, "
        + "or to the query service as X-Consistency-Token to read your own write. A concurrent update that outlives "
        + "the service's retries is 409 (retry), never 500.")
class TodoController {

    private static final String UUID_PATTERN = "[0-9a-fA-F-]{36}";

    private final CommandDispatcher dispatcher;

    TodoController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Schema(description = "A todo's title and description")
    record TodoRequest(
            @Schema(example = "Buy milk") @NotBlank @Size(max = 200) String title,
            @Schema(example = "Two litres, semi-skimmed") @Nullable @Size(max = 2000) String description) {
    }

    @Operation(summary = "Create a todo",
            description = "Returns 201 with the todo's location on the query service and its version as ETag.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid fields (problem details list each one)")
    @PostMapping
    ResponseEntity<TodoVersion> create(@Valid @RequestBody TodoRequest request) {
        TodoVersion created = dispatcher.dispatch(new CreateTodo(request.title().strip(), request.description()));
        return VersionHeaders.withVersion(ResponseEntity.created(URI.create("/api/todos/" + created.id())), created);
    }

    @Operation(summary = "Edit a todo's title and description", description = "Its creation time never changes.")
    @ApiResponse(responseCode = "200", description = "Edited")
    @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @PutMapping("/{id}")
    ResponseEntity<TodoVersion> edit(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                     @Parameter(description = "ETag from an earlier response, e.g. \"3\"")
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody TodoRequest request) {
        return VersionHeaders.withVersion(ResponseEntity.ok(), dispatcher.dispatch(new EditTodo(id, request.title().strip(),
                request.description(), IfMatch.expectedVersion(ifMatch))));
    }

    @Operation(summary = "Mark a todo done")
    @ApiResponse(responseCode = "200", description = "Completed")
    @ApiResponse(responseCode = "409", description = "Already completed")
    @PostMapping("/{id}/complete")
    ResponseEntity<TodoVersion> complete(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return VersionHeaders.withVersion(ResponseEntity.ok(),
                dispatcher.dispatch(new CompleteTodo(id, IfMatch.expectedVersion(ifMatch))));
    }

    @Operation(summary = "Mark a completed todo not done")
    @ApiResponse(responseCode = "200", description = "Reopened")
    @ApiResponse(responseCode = "409", description = "Not completed")
    @PostMapping("/{id}/reopen")
    ResponseEntity<TodoVersion> reopen(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return VersionHeaders.withVersion(ResponseEntity.ok(),
                dispatcher.dispatch(new ReopenTodo(id, IfMatch.expectedVersion(ifMatch))));
    }

    @Operation(summary = "Delete a todo", description = "Returns the version of the deletion, a consistency token "
            + "after which the query service answers 404.")
    @ApiResponse(responseCode = "200", description = "Deleted")
    @DeleteMapping("/{id}")
    ResponseEntity<TodoVersion> delete(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return VersionHeaders.withVersion(ResponseEntity.ok(),
                dispatcher.dispatch(new DeleteTodo(id, IfMatch.expectedVersion(ifMatch))));
    }

}
