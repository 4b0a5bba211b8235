package dev.cqrs.query.employee;

import dev.cqrs.query.consistency.ConsistencyToken;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/employees")
@Tag(name = "Employees", description = "The employees read model, served by DynamoDB")
class EmployeeController {

    private static final String CODE_DESCRIPTION = "the employee's code, any case (codes are stored upper case)";
    private static final String EMPLOYEE = """
            {"code":"E100","name":"Ada Lovelace","email":"ada@example.com","jobTitle":"Engineer",
             "managerCode":"E001","hireDate":"2026-01-05","lastWorkingDate":null,"version":3}""";
    private static final String REPORTEES = """
            {"items":[{"code":"E100","name":"Ada Lovelace","email":"ada@example.com","jobTitle":"Engineer",
                       "hireDate":"2026-01-05","version":3}],
             "nextCursor":"RTEwMA"}""";
    private static final String CHAIN = """
            {"code":"E100","managers":[
               {"code":"E010","name":"Grace Hopper","email":"grace@example.com","jobTitle":"Engineering Manager",
                "managerCode":"E001","hireDate":"2025-03-01","lastWorkingDate":null,"version":1},
               {"code":"E001","name":"Alan Turing","email":"alan@example.com","jobTitle":"CEO",
                "managerCode":null,"hireDate":"2024-01-01","lastWorkingDate":null,"version":1}],
             "truncated":false}""";
    private static final String NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"No employee with code E100",
             "instance":"/api/employees/e100"}""";
    private static final String BAD_CODE = """
            {"type":"about:blank","title":"Invalid request","status":400,
             "detail":"code: must be 1 to 20 letters, digits or dashes, not starting with a dash",
             "instance":"/api/employees/-x",
             "errors":[{"field":"code","message":"must be 1 to 20 letters, digits or dashes, not starting with a dash"}]}""";
    private static final String CHAIN_CATCHING_UP = """
            {"type":"about:blank","title":"Read model not yet consistent","status":503,
             "detail":"The management chain of E100 names manager E010, not in the read model yet; try again",
             "instance":"/api/employees/E100/chain"}""";

    private static final String UNAVAILABLE = """
            {"type":"about:blank","title":"Service Unavailable","status":503,
             "detail":"The employees read model is unavailable","instance":"/api/employees/E001/reportees"}""";

    private final GetEmployeeHandler getEmployee;
    private final ListReporteesHandler listReportees;
    private final GetManagementChainHandler getManagementChain;

    EmployeeController(GetEmployeeHandler getEmployee, ListReporteesHandler listReportees,
                       GetManagementChainHandler getManagementChain) {
        this.getEmployee = getEmployee;
        this.listReportees = listReportees;
        this.getManagementChain = getManagementChain;
    }

    @Operation(summary = "One employee from the read model",
            description = "ETag is the employee's version (If-None-Match with it answers 304). With "
                    + "X-Consistency-Token: waits, bounded, with strongly consistent reads until the read model has "
                    + "reached that version. A terminated employee is still found, with its lastWorkingDate.")
    @ApiResponse(responseCode = "200", description = "the employee",
            headers = @Header(name = "ETag", description = "the employee's version, quoted"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EmployeeView.class),
                    examples = @ExampleObject(value = EMPLOYEE)))
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current version; no body",
            content = @Content)
    @ApiResponse(responseCode = "400", description = "the code or the consistency token is malformed",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = BAD_CODE)))
    @ApiResponse(responseCode = "404", description = "no such employee (yet)",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = NOT_FOUND)))
    @ApiResponse(responseCode = "503", description = "the read model did not reach the consistency token in time "
            + "(Retry-After: 1), or is unreachable",
            headers = @Header(name = "Retry-After", description = "seconds to wait before asking again"),
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
                    examples = @ExampleObject(value = ApiDocs.NOT_YET_CONSISTENT)))
    @GetMapping("/{code}")
    ResponseEntity<EmployeeView> get(
            @Parameter(description = CODE_DESCRIPTION, example = "E100")
            @PathVariable @Pattern(regexp = EmployeeCode.PATTERN, message = EmployeeCode.MESSAGE) String code,
            @Parameter(description = ConsistencyToken.DESCRIPTION, example = "3")
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String consistencyToken) {
        String normalized = EmployeeCode.normalize(code);
        EmployeeView employee = getEmployee.handle(new GetEmployee(normalized,
                        ConsistencyToken.parse(consistencyToken)))
                .orElseThrow(() -> new EmployeeNotFoundException(normalized));
        return ResponseEntity.ok().eTag(Long.toString(employee.version())).body(employee);
    }

    @Operation(summary = "The active direct reportees of a manager, one page at a time",
            description = "In code order. One DynamoDB Query on the sparse byManager index (no Scan, no filter). "
                    + "Pass nextCursor as cursor for the next page; it is absent on the last page.")
    @ApiResponse(responseCode = "200", description = "one page",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReporteePage.class),
                    examples = @ExampleObject(value = REPORTEES)))
    @ApiResponse(responseCode = "400", description = "a parameter is invalid; each one is listed under errors",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = BAD_CODE)))
    @ApiResponse(responseCode = "404", description = "no such manager (yet)",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = NOT_FOUND)))
    @ApiResponse(responseCode = "503", description = "the employees table is unreachable",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = UNAVAILABLE)))
    @GetMapping("/{code}/reportees")
    ReporteePage reportees(
            @Parameter(description = "the manager's code, any case", example = "E001")
            @PathVariable @Pattern(regexp = EmployeeCode.PATTERN, message = EmployeeCode.MESSAGE) String code,
            @Parameter(description = PageLimit.DESCRIPTION, example = "20")
            @RequestParam(name = "limit", required = false) @Min(1) @Max(PageLimit.MAX) Integer limit,
            @Parameter(description = ApiDocs.CURSOR)
            @RequestParam(name = "cursor", required = false) String cursor) {
        return listReportees.handle(new ListReportees(EmployeeCode.normalize(code), PageLimit.of(limit),
                cursor == null || cursor.isBlank() ? null : ReporteeCursor.decode(cursor)));
    }

    @Operation(summary = "The management chain of an employee, up to the top",
            description = "The direct manager first, the top of the hierarchy last; empty for the top itself. One "
                    + "GetItem per level, at most " + GetManagementChainHandler.MAX_DEPTH + " levels (truncated "
                    + "says when there are more). While the read model is mid-way through manager changes (a "
                    + "manager not projected yet, a passing loop) the answer is 503 with Retry-After.")
    @ApiResponse(responseCode = "200", description = "the chain",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ManagementChain.class),
                    examples = @ExampleObject(value = CHAIN)))
    @ApiResponse(responseCode = "400", description = "the code is malformed",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = BAD_CODE)))
    @ApiResponse(responseCode = "404", description = "no such employee (yet)",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = NOT_FOUND)))
    @ApiResponse(responseCode = "503", description = "the chain is being updated (Retry-After: 1), or the table "
            + "is unreachable",
            headers = @Header(name = "Retry-After", description = "seconds to wait before asking again"),
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = CHAIN_CATCHING_UP)))
    @GetMapping("/{code}/chain")
    ManagementChain chain(
            @Parameter(description = CODE_DESCRIPTION, example = "E100")
            @PathVariable @Pattern(regexp = EmployeeCode.PATTERN, message = EmployeeCode.MESSAGE) String code) {
        return getManagementChain.handle(new GetManagementChain(EmployeeCode.normalize(code)));
    }
}
