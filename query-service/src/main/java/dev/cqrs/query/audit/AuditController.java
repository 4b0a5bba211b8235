package dev.cqrs.query.audit;

import dev.cqrs.query.web.InvalidQueryException;
import dev.cqrs.query.web.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final ListAuditRecordsHandler listAuditRecords;

    AuditController(ListAuditRecordsHandler listAuditRecords) {
        this.listAuditRecords = listAuditRecords;
    }

    @Operation(summary = "The audit trail of one entity, newest first, one page at a time")
    @GetMapping("/api/audit")
    AuditPage list(
            @Parameter(description = "e.g. todo", required = true) @RequestParam(required = false) String entityType,
            @Parameter(description = "the entity's id", required = true) @RequestParam(required = false) String entityId,
            @Parameter(description = "page size, 1 to 100 (default 20)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        return listAuditRecords.handle(new ListAuditRecords(required("entityType", entityType),
                required("entityId", entityId), PageLimit.of(limit),
                cursor == null || cursor.isBlank() ? null : AuditCursor.decode(cursor)));
    }

    /** Checked here rather than by Spring so that a blank value gets the same problem detail as a missing one. */
    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidQueryException(name + " is required");
        }
        return value.trim();
    }
}
