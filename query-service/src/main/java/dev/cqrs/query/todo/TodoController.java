package dev.cqrs.query.todo;

import dev.cqrs.query.consistency.ConsistencyToken;
import dev.cqrs.query.replica.Served;
import dev.cqrs.query.web.ApiDocs;
import dev.cqrs.query.web.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

@RestController
@RequestMapping("/api/todos")
@Tag(name = "Todos", description = "The todo read model, served by the MySQL replicas")
class TodoController {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private static final String TODO = """
            {"id":"0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f","title":"Buy milk","description":"2 litres",
             "completed":false,"createdAt":"2026-11-21T19:30:00.123456Z","updatedAt":"2026-11-21T19:31:02.000001Z",
             "version":2}""";
    private static final String PAGE = """
            {"items":[{"id":"0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f","title":"Buy milk","description":null,
                       "completed":false,"createdAt":"2026-11-21T19:30:00.123456Z",
                       "updatedAt":"2026-11-21T19:30:00.123456Z","version":1}],
             "nextCursor":"MjAyNi0xMS0yMVQxOTozMDowMC4xMjM0NTZafDBiN2U4YzFl"}""";
    private static final String NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,
             "detail":"No todo with id 0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f",
             "instance":"/api/todos/0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f"}""";

    private final GetTodoHandler getTodo;
    private final ListTodosHandler listTodos;

    TodoController(GetTodoHandler getTodo, ListTodosHandler listTodos) {
        this.getTodo = getTodo;
        this.listTodos = listTodos;
    }

    @Operation(summary = "One todo from the read model",
            description = "ETag is the todo's version (If-None-Match with it answers 304). Without a consistency "
                    + "token: 404 until the projection has caught up with the command, and for a deleted todo. With "
                    + "X-Consistency-Token: waits, bounded, until the read model has reached that version.")
    @ApiResponse(responseCode = "200", description = "the todo",
            headers = {@Header(name = "ETag", description = "the todo's version, quoted"),
                    @Header(name = Served.HEADER, description = "server id of the replica that answered")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TodoView.class),
                    examples = @ExampleObject(value = TODO)))
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current version; no body",
            content = @Content)
    @ApiResponse(responseCode = "400", description = "the id is not a UUID, or the consistency token is not a version",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = ApiDocs.BAD_REQUEST)))
    @ApiResponse(responseCode = "404", description = "no such todo, or it is deleted",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = NOT_FOUND)))
    @ApiResponse(responseCode = "503", description = "the read model did not reach the consistency token in time, or "
            + "too many queries are already waiting for theirs (Retry-After: 1), or it is unreachable",
            headers = @Header(name = "Retry-After", description = "seconds to wait before asking again"),
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                    examples = @ExampleObject(value = ApiDocs.NOT_YET_CONSISTENT)))
    @GetMapping("/{id}")
    ResponseEntity<TodoView> get(
            @Parameter(description = "the todo's id, a UUID", example = "0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f")
            @PathVariable @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Parameter(description = ConsistencyToken.DESCRIPTION, example = "2")
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String consistencyToken) {
        Served<Optional<TodoView>> served = getTodo.handle(new GetTodo(id, ConsistencyToken.parse(consistencyToken)));
        TodoView todo = served.result().orElseThrow(() -> new TodoNotFoundException(id, served.serverId()));
        return ResponseEntity.ok()
                .eTag(Long.toString(todo.version()))
                .header(Served.HEADER, served.serverIdHeaderValue())
                .body(todo);
    }

    @Operation(summary = "Todos in creation order, one page at a time, optionally filtered",
            description = "Ordered by creation time, then id (stable across pages: keyset pagination). Deleted "
                    + "todos are never listed. Pass nextCursor as cursor for the next page; it is absent on the "
                    + "last page.")
    @ApiResponse(responseCode = "200", description = "one page",
            headers = @Header(name = Served.HEADER, description = "server id of the replica that answered"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TodoPage.class),
                    examples = @ExampleObject(value = PAGE)))
    @ApiResponse(responseCode = "400", description = "a parameter is invalid; each one is listed under errors",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = ApiDocs.BAD_REQUEST)))
    @ApiResponse(responseCode = "503", description = "the read model is unreachable",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = ApiDocs.UNAVAILABLE)))
    @GetMapping
    ResponseEntity<TodoPage> list(
            @Parameter(description = PageLimit.DESCRIPTION, example = "20")
            @RequestParam(name = "limit", required = false) @Min(1) @Max(PageLimit.MAX) Integer limit,
            @Parameter(description = ApiDocs.CURSOR)
            @RequestParam(name = "cursor", required = false) String cursor,
            @Parameter(description = "true: only completed todos; false: only open ones; absent: both",
                    example = "false")
            @RequestParam(name = "completed", required = false) Boolean completed,
            @Parameter(description = "only todos whose title contains this text, ignoring case; % and _ are "
                    + "plain characters, not wildcards (at most 200 characters)", example = "milk")
            @RequestParam(name = "q", required = false) @Size(max = 200) String q) {
        ListTodos query = new ListTodos(PageLimit.of(limit),
                cursor == null || cursor.isBlank() ? null : TodoCursor.decode(cursor),
                completed, q == null || q.isEmpty() ? null : q);
        Served<TodoPage> served = listTodos.handle(query);
        return ResponseEntity.ok().header(Served.HEADER, served.serverIdHeaderValue()).body(served.result());
    }
}
