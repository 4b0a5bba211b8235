package dev.cqrs.query.replica;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows which database server a pooled connection reaches, to check the replica routing by hand. */
@RestController
class ReplicaDiagnosticsController {

    private final ReplicaReads reads;
    private final JdbcClient jdbc;

    ReplicaDiagnosticsController(ReplicaReads reads, JdbcClient jdbc) {
        this.reads = reads;
        this.jdbc = jdbc;
    }

    @Operation(summary = "The database server behind one pooled connection",
            description = "serverId 2 or 3 is a replica; 1 would be the primary.")
    @GetMapping("/api/diagnostics/replica")
    ResponseEntity<ReplicaInfo> replica() {
        Served<ReplicaInfo> served = reads.read(() -> jdbc
                .sql("SELECT @@server_id AS server_id, @@hostname AS hostname, @@read_only AS read_only")
                .query((rs, row) -> new ReplicaInfo(rs.getLong("server_id"), rs.getString("hostname"),
                        rs.getBoolean("read_only")))
                .single());
        return ResponseEntity.ok().header(Served.HEADER, served.serverIdHeaderValue()).body(served.result());
    }

    record ReplicaInfo(long serverId, String hostname, boolean readOnly) {
    }
}
