package dev.cqrs.command.audit;

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

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Free audit messages; every command is audited automatically as well.")
class AuditController {

    private final CommandDispatcher dispatcher;

    AuditController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    record AuditMessageRequest(@Schema(example = "u-42") @NotBlank @Size(max = 100) String userId,
                               @Schema(example = "Exported the employee list") @NotBlank @Size(max = 2000)
                               String message) {
    }

    @Operation(summary = "Record an audit message",
            description = "Accepted (202): the message reaches the audit log asynchronously, exactly once.")
    @PostMapping
    ResponseEntity<AuditMessageAccepted> record(@Valid @RequestBody AuditMessageRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(dispatcher.dispatch(new RecordAuditMessage(request.userId(), request.message())));
    }
}
