package dev.cqrs.command.employee;

import jakarta.annotation.Nullable;
import dev.cqrs.command.api.IfMatch;
import dev.cqrs.command.api.StorableDate;
import dev.cqrs.command.api.VersionHeaders;
import dev.cqrs.command.dispatch.CommandDispatcher;
import dev.cqrs.command.employee.EmployeeCommands.ChangeManager;
import dev.cqrs.command.employee.EmployeeCommands.HireEmployee;
import dev.cqrs.command.employee.EmployeeCommands.HireEmployees;
import dev.cqrs.command.employee.EmployeeCommands.TerminateEmployee;
import dev.cqrs.command.employee.EmployeeCommands.UpdateEmployeeDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/employees}: turns each request into one employee command (codes upper-cased) and sends it to the
 * {@link CommandDispatcher}. Responses: the {@link EmployeeVersion} (a list of them for a batch) as body, and its
 * version as ETag/X-Consistency-Token; refusals are problem details (400, 404, 409, 412 as documented per operation).
 */
@RestController
@RequestMapping("/api/employees")
@Tag(name = "Employees", description = "Hire, update, move and terminate employees. Codes are case-insensitive "
        + "(stored upper-case). A manager must exist and be active; nobody may report to themselves or to someone "
        + "in their own reporting chain (409). A manager with active reportees cannot be terminated (409 listing them "
        + "in activeReportees). Requests that collide with others on the same rows are retried by the service; if they "
        + "still collide the answer is 409 (retry), never 500.")
class EmployeeController {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9-]{0,19}";

    private final CommandDispatcher dispatcher;

    EmployeeController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    record HireRequest(
            @Schema(example = "E100") @NotBlank @Pattern(regexp = CODE) String code,
            @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 100) String name,
            @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String email,
            @Schema(example = "Engineer") @Nullable @Size(max = 100) String jobTitle,
            @Schema(example = "E001", description = "null for the top of the hierarchy") @Nullable
            @Pattern(regexp = CODE) String managerCode,
            @Schema(example = "2026-01-15", description = "0001-01-01 to 9999-12-31") @NotNull @StorableDate
            LocalDate hireDate) {

        HireEmployee toCommand() {
            return new HireEmployee(upper(code), name.strip(), email.strip(), jobTitle, upper(managerCode), hireDate);
        }
    }

    record HireBatchRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull HireRequest> employees) {
    }

    record DetailsRequest(
            @Schema(example = "Ada King") @NotBlank @Size(max = 100) String name,
            @Schema(example = "ada.king@example.com") @NotBlank @Email @Size(max = 254) String email,
            @Schema(example = "Principal Engineer") @Nullable @Size(max = 100) String jobTitle) {
    }

    record ManagerRequest(@Schema(example = "E002", description = "null to make the employee top-level")
                          @Nullable @Pattern(regexp = CODE) String managerCode) {
    }

    record TerminationRequest(@Schema(example = "2026-12-31", description = "0001-01-01 to 9999-12-31")
                              @NotNull @StorableDate LocalDate lastWorkingDate) {
    }

    @Operation(summary = "Hire an employee",
            description = "Of several simultaneous hires of one new code exactly one succeeds; the others get 409.")
    @ApiResponse(responseCode = "201", description = "Hired")
    @ApiResponse(responseCode = "400", description = "Invalid fields, e.g. a hireDate outside 0001-01-01..9999-12-31 "
            + "(problem details list each one in errors[].field)")
    @ApiResponse(responseCode = "409", description = "Code taken (also by a simultaneous hire), the manager is unknown "
            + "or has left, or a concurrent update that outlived the service's retries")
    @PostMapping
    ResponseEntity<EmployeeVersion> hire(@Valid @RequestBody HireRequest request) {
        EmployeeVersion hired = dispatcher.dispatch(request.toCommand());
        return VersionHeaders.withVersion(ResponseEntity.created(URI.create("/api/employees/" + hired.code())), hired);
    }

    @Operation(summary = "Hire a batch of employees, all or nothing",
            description = "Rows may name managers hired earlier in the same batch. One bad row and no one is hired.")
    @ApiResponse(responseCode = "201", description = "All hired")
    @ApiResponse(responseCode = "400", description = "Invalid fields (field names like employees[2].hireDate)")
    @ApiResponse(responseCode = "409", description = "A row refused (detail and index name it); no one was hired")
    @PostMapping("/batch")
    ResponseEntity<List<EmployeeVersion>> hireBatch(@Valid @RequestBody HireBatchRequest request) {
        List<EmployeeVersion> hired = dispatcher.dispatch(new HireEmployees(
                request.employees().stream().map(HireRequest::toCommand).toList()));
        return ResponseEntity.status(HttpStatus.CREATED).body(hired);
    }

    @Operation(summary = "Update an employee's name, email and job title")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "404", description = "No such employee")
    @ApiResponse(responseCode = "409", description = "A concurrent update that outlived the service's retries")
    @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @PutMapping("/{code}")
    ResponseEntity<EmployeeVersion> updateDetails(@PathVariable @Pattern(regexp = CODE) String code,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch,
                                                  @Valid @RequestBody DetailsRequest request) {
        return VersionHeaders.withVersion(ResponseEntity.ok(), dispatcher.dispatch(new UpdateEmployeeDetails(upper(code),
                request.name().strip(), request.email().strip(), request.jobTitle(), IfMatch.expectedVersion(ifMatch))));
    }

    @Operation(summary = "Change an employee's manager")
    @ApiResponse(responseCode = "200", description = "Moved")
    @ApiResponse(responseCode = "404", description = "No such employee")
    @ApiResponse(responseCode = "409", description = "Unknown or inactive manager, a reporting cycle, the employee "
            + "has left, or a concurrent update that outlived the service's retries")
    @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @PutMapping("/{code}/manager")
    ResponseEntity<EmployeeVersion> changeManager(@PathVariable @Pattern(regexp = CODE) String code,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch,
                                                  @Valid @RequestBody ManagerRequest request) {
        return VersionHeaders.withVersion(ResponseEntity.ok(), dispatcher.dispatch(new ChangeManager(upper(code),
                upper(request.managerCode()), IfMatch.expectedVersion(ifMatch))));
    }

    @Operation(summary = "Terminate an employee", description = "Sets the last working date; the employee drops "
            + "out of their manager's active reportees. An employee who still manages active employees is not "
            + "terminated: 409 with their codes in activeReportees; move them (PUT /api/employees/{code}/manager) "
            + "first. Nothing is written in that case.")
    @ApiResponse(responseCode = "200", description = "Terminated")
    @ApiResponse(responseCode = "400", description = "Invalid fields, e.g. a lastWorkingDate outside "
            + "0001-01-01..9999-12-31")
    @ApiResponse(responseCode = "404", description = "No such employee")
    @ApiResponse(responseCode = "409", description = "Active reportees (listed in activeReportees), the employee has "
            + "already left, or a concurrent update that outlived the service's retries")
    @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @PostMapping("/{code}/terminate")
    ResponseEntity<EmployeeVersion> terminate(@PathVariable @Pattern(regexp = CODE) String code,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch,
                                              @Valid @RequestBody TerminationRequest request) {
        return VersionHeaders.withVersion(ResponseEntity.ok(), dispatcher.dispatch(new TerminateEmployee(upper(code),
                request.lastWorkingDate(), IfMatch.expectedVersion(ifMatch))));
    }

    private static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

}
