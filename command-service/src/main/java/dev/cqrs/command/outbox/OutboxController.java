package dev.cqrs.command.outbox;

import dev.cqrs.command.dispatch.CommandRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/outbox/parked")
@Tag(name = "Outbox (operations)", description = "Events the relay gave up on after outbox.relay.max-attempts failed "
        + "publishes. A parked event stays unpublished and holds back the later events of its own aggregate (never "
        + "others) until it is retried. The gauge outbox.parked counts them.")
class OutboxController {

    private final ParkedEvents parked;

    OutboxController(ParkedEvents parked) {
        this.parked = parked;
    }

    @Operation(summary = "List parked events, oldest first",
            description = "Each entry has the event's id, type, aggregate, version, the number of failed attempts, "
                    + "the last error and when it was created and parked (UTC).")
    @ApiResponse(responseCode = "200", description = "The parked events (possibly none)")
    @GetMapping
    List<ParkedEvents.Parked> list(@Parameter(description = "At most this many (1..1000)")
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return parked.list(limit);
    }

    @Operation(summary = "Retry a parked event",
            description = "Makes it due at once with a fresh attempt budget; the relay publishes it, then the later "
                    + "events of its aggregate.")
    @ApiResponse(responseCode = "202", description = "Due again")
    @ApiResponse(responseCode = "404", description = "No parked event with this id")
    @PostMapping("/{eventId}/retry")
    ResponseEntity<Void> retry(@PathVariable @Pattern(regexp = "[0-9a-fA-F-]{36}") String eventId) {
        if (!parked.retry(eventId)) {
            throw new CommandRefused(CommandRefused.Reason.NOT_FOUND, "Not parked", "No parked event with id " + eventId);
        }
        return ResponseEntity.accepted().build();
    }
}
