package dev.cqrs.query.replica;

import dev.cqrs.query.web.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows which database server a pooled connection reaches, to check the replica routing by hand. */
@RestController
@Tag(name = "Diagnostics", description = "Checks of the replica routing")
class ReplicaDiagnosticsController {

    private final ReplicaReads reads;

    ReplicaDiagnosticsController(ReplicaReads reads) {
        this.reads = reads;
    }

    @Operation(summary = "The database server behind one pooled connection",
            description = "serverId 2 or 3 is a replica; 1 would be the primary.")
    @ApiResponse(responseCode = "200", description = "the server that answered",
            headers = @Header(name = Served.HEADER, description = "the same server id"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReplicaInfo.class),
                    examples = @ExampleObject(value = """
                            {"serverId":2,"hostname":"replica1","readOnly":true}""")))
    @ApiResponse(responseCode = "503", description = "no replica is reachable",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = ApiDocs.UNAVAILABLE)))
    @GetMapping("/api/diagnostics/replica")
    ResponseEntity<ReplicaInfo> replica() {
        Served<ReplicaInfo> served = reads.read(jdbc -> jdbc
                .sql("SELECT @@server_id AS server_id, @@hostname AS hostname, @@read_only AS read_only")
                .query((rs, row) -> new ReplicaInfo(rs.getLong("server_id"), rs.getString("hostname"),
                        rs.getBoolean("read_only")))
                .single());
        return ResponseEntity.ok().header(Served.HEADER, served.serverIdHeaderValue()).body(served.result());
    }

    record ReplicaInfo(long serverId, String hostname, boolean readOnly) {
    }
}
