package dev.cqrs.command.audit;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.cqrs.command.dispatch.CommandDispatcher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Free audit messages; every command is audited automatically as well.")
class AuditController {

    private final CommandDispatcher dispatcher;

    AuditController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    record AuditMessageRequest(@Schema(example = "Exported the employee list") @NotBlank @Size(max = 2000)
                               String message) {
    }

    /** The message is recorded as said by the caller: the access token's subject, never a name from the body. */
    @Operation(summary = "Record an audit message",
            description = "Accepted (202): the message reaches the audit log asynchronously, exactly once, recorded "
                    + "as said by the access token's subject. Needs scope audit:write.")
    @ApiResponse(responseCode = "202", description = "Accepted; messageId is the audit entity id of the message")
    @PostMapping
    ResponseEntity<AuditMessageAccepted> record(@Valid @RequestBody AuditMessageRequest request, Principal caller) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(dispatcher.dispatch(new RecordAuditMessage(caller.getName(), request.message())));
    }
}
