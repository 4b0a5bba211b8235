package dev.cqrs.query.audit;

import dev.cqrs.query.web.ApiDocs;
import dev.cqrs.query.web.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "The audit trail, served by the DynamoDB audit table")
class AuditController {

    private static final String PAGE = """
            {"items":[{"eventId":"5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f","eventType":"TodoEdited","entityType":"todo",
                       "entityId":"0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f","occurredAt":"2026-11-21T19:31:02.000001Z",
                       "actor":"anonymous","correlationId":"7d9e1c2b-0f3a-4b5c-9d8e-7f6a5b4c3d2e",
                       "aggregateVersion":2,"payload":{"title":"Buy milk","description":"2 litres"}}],
             "nextCursor":"MjAyNi0xMS0yMVQxOTozMTowMi4wMDAwMDFaIzVmMGMxZDJl"}""";
    private static final String BAD_RANGE = """
            {"type":"about:blank","title":"Invalid request","status":400,
             "detail":"to: must be at most 31 days after from","instance":"/api/audit/range",
             "errors":[{"field":"to","message":"must be at most 31 days after from"}]}""";
    private static final String UNAVAILABLE = """
            {"type":"about:blank","title":"Service Unavailable","status":503,
             "detail":"The audit trail is unavailable","instance":"/api/audit"}""";

    private final ListAuditRecordsHandler listAuditRecords;
    private final ListAuditRangeHandler listAuditRange;

    AuditController(ListAuditRecordsHandler listAuditRecords, ListAuditRangeHandler listAuditRange) {
        this.listAuditRecords = listAuditRecords;
        this.listAuditRange = listAuditRange;
    }

    @Operation(summary = "The audit trail of one entity, newest first, one page at a time",
            description = "One DynamoDB Query on the entity's partition. Pass nextCursor as cursor for the next "
                    + "page; it is absent on the last page.")
    @ApiResponse(responseCode = "200", description = "one page",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(value = PAGE)))
    @ApiResponse(responseCode = "400", description = "a parameter is missing or invalid; each one is listed under "
            + "errors", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
            examples = @ExampleObject(value = ApiDocs.BAD_REQUEST)))
    @ApiResponse(responseCode = "503", description = "the audit table is unreachable",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = UNAVAILABLE)))
    @GetMapping("/api/audit")
    AuditPage list(
            @Parameter(description = "the entity's type: todo, employee or audit-message", required = true,
                    example = "todo")
            @RequestParam(name = "entityType", required = false) @NotBlank @Size(max = 50) String entityType,
            @Parameter(description = "the entity's id (a todo's UUID, an employee's code, a message id)",
                    required = true, example = "0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f")
            @RequestParam(name = "entityId", required = false) @NotBlank @Size(max = 100) String entityId,
            @Parameter(description = PageLimit.DESCRIPTION, example = "20")
            @RequestParam(name = "limit", required = false) @Min(1) @Max(PageLimit.MAX) Integer limit,
            @Parameter(description = ApiDocs.CURSOR)
            @RequestParam(name = "cursor", required = false) String cursor) {
        return listAuditRecords.handle(new ListAuditRecords(entityType.strip(), entityId.strip(),
                PageLimit.of(limit), cursor == null || cursor.isBlank() ? null : AuditCursor.decode(cursor)));
    }

    @Operation(summary = "Every audit record in a time range, newest first, one page at a time",
            description = "Records with from <= occurredAt < to, of every entity. At most "
                    + "31 days per request. Served by the byDay index, one Query per UTC day. Pass nextCursor as "
                    + "cursor, with the same from and to, for the next page; it is absent on the last page.")
    @ApiResponse(responseCode = "200", description = "one page",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(value = PAGE)))
    @ApiResponse(responseCode = "400", description = "a bound is missing or not an instant, to is not after from, "
            + "the range is longer than 31 days, or the limit or cursor is invalid; each one is listed under errors",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = BAD_RANGE)))
    @ApiResponse(responseCode = "503", description = "the audit table or its index is unreachable",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = UNAVAILABLE)))
    @GetMapping("/api/audit/range")
    AuditPage range(
            @Parameter(description = "start of the range, inclusive, an ISO-8601 instant in years 0001 to 9999",
                    required = true, example = "2026-11-21T00:00:00Z")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "end of the range, exclusive, an ISO-8601 instant in years 0001 to 9999; at "
                    + "most 31 days after from",
                    required = true, example = "2026-11-22T00:00:00Z")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = PageLimit.DESCRIPTION, example = "20")
            @RequestParam(name = "limit", required = false) Integer limit,
            @Parameter(description = ApiDocs.CURSOR)
            @RequestParam(name = "cursor", required = false) String cursor) {
        // checked together by AuditRangeRequest, so that one problem lists every invalid parameter
        return listAuditRange.handle(AuditRangeRequest.toQuery(from, to, limit, cursor));
    }
}
