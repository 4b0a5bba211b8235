package dev.cqrs.command.api;

import dev.cqrs.command.dispatch.Versioned;
import org.springframework.http.ResponseEntity;

/**
 * Every command response carries the aggregate's new version twice: as the ETag (send it back as If-Match) and as
 * the consistency token (send it to the query service to read your own write).
 */
public final class VersionHeaders {

    public static final String CONSISTENCY_TOKEN = "X-Consistency-Token";

    private VersionHeaders() {
    }

    /** {@code response} with {@code body} and both version headers: {@code ETag: "<v>"}, {@code X-Consistency-Token: <v>}. */
    public static <T extends Versioned> ResponseEntity<T> withVersion(ResponseEntity.BodyBuilder response, T body) {
        return response.eTag(Long.toString(body.version()))
                .header(CONSISTENCY_TOKEN, Long.toString(body.version()))
                .body(body);
    }
}
