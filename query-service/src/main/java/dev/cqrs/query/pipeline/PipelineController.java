package dev.cqrs.query.pipeline;

import dev.cqrs.query.web.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/pipeline} (scope {@code read}, like every query): the pipeline page's numbers. Always 200 while
 * this service runs: a service that cannot be scraped is reported inside the snapshot, not as an error. The 401 and
 * 403 problem details are documented for every operation by api-security's {@code ApiContract}.
 */
@RestController
@Tag(name = "Pipeline", description = "The pipeline's health from the services' metrics")
class PipelineController {

    private final Pipeline pipeline;

    PipelineController(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Operation(summary = "Outbox, queues, projection and audit lag, replica lag at one moment",
            description = """
                    Assembled from the services' /actuator/prometheus (never from their databases), at most a second \
                    old. Rates and mean lags are over windowSeconds, the time since the previous reading; they are \
                    null on the first reading. A service that could not be read leaves its numbers null (outbox, \
                    audit) or its entries out (queues, projections, replicas) and is listed in sources with up=false and the \
                    error.""")
    @ApiResponse(responseCode = "200", description = "the snapshot",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PipelineSnapshot.class),
                    examples = @ExampleObject(value = PipelineDocs.EXAMPLE)))
    @ApiResponse(responseCode = "503", description = """
            shared by every query (the service's own trouble); this endpoint itself reports services it cannot read \
            inside a 200 snapshot instead""",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, examples = @ExampleObject(value = PipelineDocs.UNAVAILABLE)))
    @GetMapping("/api/pipeline")
    ResponseEntity<PipelineSnapshot> pipeline() {
        // numbers of this very second: a cached copy in a browser or proxy would freeze the page
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(pipeline.snapshot());
    }
}
