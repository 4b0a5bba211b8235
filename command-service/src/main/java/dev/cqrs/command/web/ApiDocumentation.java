package dev.cqrs.command.web;

import dev.cqrs.command.api.VersionHeaders;
import dev.cqrs.command.dispatch.Versioned;
import dev.cqrs.security.ApiContract;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Set;

/**
 * The command service's OpenAPI 3.1 document ({@code /v3/api-docs}): what every command endpoint shares is documented
 * here once, by rules over all operations ({@link ApiContract}), so a controller documents only its summary, its
 * success status and the refusals that are its own (e.g. {@code @ApiResponse(responseCode = "409", description =
 * "Already completed")}). From the filters and advice of this package and {@code api}:
 * <ul>
 *   <li>every operation: 400 (invalid fields, path variable, If-Match or Idempotency-Key), 503 with Retry-After
 *       (write database unavailable), the {@code X-Correlation-Id} request header, echoed on every answer after
 *       authentication ({@link RequestMetadataFilter});</li>
 *   <li>POST/PUT/PATCH/DELETE: {@code Idempotency-Key}, 409 (a request with the key still runs, or was applied and its
 *       response lost), 422 (the key was used for another request), {@code Idempotent-Replayed} on a replay;</li>
 *   <li>a request body: 413 (over {@code commands.max-body-size}) and 415;</li>
 *   <li>an {@code If-Match} header: 412 when it names a version that is no longer current;</li>
 *   <li>a path variable: 404 when it names nothing;</li>
 *   <li>a {@link Versioned} body: {@code ETag} and {@code X-Consistency-Token} ({@link VersionHeaders}), and
 *       {@code Location} with a 201.</li>
 * </ul>
 */
@Configuration
class ApiDocumentation {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    private static final Set<HttpMethod> MUTATING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    @Bean
    ApiContract commandApiContract() {
        Info info = new Info().title("Command service").version("v1").description("""
                The write side of the CQRS example: commands on todos, employees and audit messages. Each command \
                runs in one transaction with its event (outbox); the query service serves the reads. Every command \
                response carries the aggregate's version as ETag and X-Consistency-Token; send it back as If-Match \
                to write only over that version (412 otherwise), or to the query service as X-Consistency-Token to \
                read your own write. POST/PUT/PATCH/DELETE accept an Idempotency-Key: a retry with the same key and \
                request replays the first response. Bodies are capped at 64 KiB. Errors are RFC 9457 problem \
                details; validation problems list each invalid input under errors. Every /api operation needs an \
                OAuth 2.0 bearer token with its scope (todos:write, employees:write, audit:write, outbox:admin).""");
        return new ApiContract(info, List.of(ApiDocumentation::everyCommand, ApiDocumentation::idempotency,
                ApiDocumentation::body, ApiDocumentation::ifMatch, ApiDocumentation::pathVariable,
                ApiDocumentation::headersOfEveryAnswer));
    }

    /**
     * ETag and X-Consistency-Token on the success responses of handlers whose body is one {@link Versioned}, and
     * Location on their 201 (a batch answers a list, without these headers). Springdoc runs it on each operation
     * before the document's customizers, with the handler method at hand.
     */
    @Bean
    GlobalOperationCustomizer versionHeaders() {
        return (operation, handler) -> {
            ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
            Class<?> body = returned.hasGenerics() ? returned.getGeneric(0).resolve() : returned.resolve();
            if (body != null && Versioned.class.isAssignableFrom(body) && operation.getResponses() != null) {
                ApiContract.responseHeader(operation, ApiDocumentation::success, HttpHeaders.ETAG,
                        "the aggregate's version after the command, quoted (e.g. \"3\"): send it as If-Match",
                        new StringSchema().pattern("^\"[0-9]+\"$"));
                ApiContract.responseHeader(operation, ApiDocumentation::success, VersionHeaders.CONSISTENCY_TOKEN,
                        "the same version, unquoted: send it to the query service to read your own write",
                        new StringSchema().pattern("^[0-9]+$"));
                ApiContract.responseHeader(operation, "201"::equals, HttpHeaders.LOCATION,
                        "where to read what was created, on the query service (e.g. /api/todos/{id})");
            }
            return operation;
        };
    }

    private static void everyCommand(String path, HttpMethod method, Operation operation) {
        ApiContract.respond(operation, "400", "invalid input: each invalid body field, parameter or header is listed "
                + "under errors (or an invalid If-Match or Idempotency-Key is named in detail)");
        ApiContract.respond(operation, "503", "the write database is unavailable or did not confirm the commit; "
                + "retry after Retry-After seconds, with the same Idempotency-Key if you sent one");
    }

    /** Last, once every response is there: the correlation id on all but 401/403 (refused before it is read). */
    private static void headersOfEveryAnswer(String path, HttpMethod method, Operation operation) {
        ApiContract.responseHeader(operation, "503"::equals, HttpHeaders.RETRY_AFTER, "seconds to wait before retrying",
                new StringSchema().pattern("^[0-9]+$"));
        ApiContract.requestHeader(operation, RequestMetadataFilter.CORRELATION_ID, "correlation id of the events this "
                + "request appends (1 to 100 of A-Z a-z 0-9 . _ : @ -); a new one when absent or not of that form",
                new StringSchema().maxLength(100));
        ApiContract.responseHeader(operation, code -> !code.equals("401") && !code.equals("403"),
                RequestMetadataFilter.CORRELATION_ID, "the request's correlation id, as sent or made up");
    }

    private static void idempotency(String path, HttpMethod method, Operation operation) {
        if (!MUTATING.contains(method)) {
            return;
        }
        ApiContract.requestHeader(operation, IDEMPOTENCY_KEY, "any 1 to 200 visible ASCII characters, e.g. a UUID, "
                + "case-sensitive and per caller: a retry with the same key and the same request replays the stored "
                + "response instead of running the command again", new StringSchema().minLength(1).maxLength(200));
        String conflict = "a request with this Idempotency-Key is still running, or it was applied and its response "
                + "was lost (read the current state instead of retrying)";
        ApiResponse existing = operation.getResponses().get("409");
        if (existing == null) {
            ApiContract.respond(operation, "409", conflict);
        } else {
            existing.description(existing.getDescription() + "; or " + conflict);
        }
        ApiContract.respond(operation, "422", "this Idempotency-Key was used for a different request");
        ApiContract.responseHeader(operation, ApiDocumentation::success, IDEMPOTENT_REPLAYED,
                "\"true\" when this is the stored response of an earlier request with the same Idempotency-Key",
                new StringSchema()._enum(List.of("true")));
    }

    private static void body(String path, HttpMethod method, Operation operation) {
        if (ApiContract.has(operation, "body")) {
            ApiContract.respond(operation, "413", "the body is larger than 64 KiB");
            ApiContract.respond(operation, "415", "the body is not application/json");
        }
    }

    private static void ifMatch(String path, HttpMethod method, Operation operation) {
        if (ApiContract.hasHeader(operation, HttpHeaders.IF_MATCH)) {
            ApiContract.requestHeader(operation, HttpHeaders.IF_MATCH, "ETag of an earlier response, e.g. \"3\" (W/\"3\" "
                    + "and 3 are read alike): write only over that version; absent or * = whatever is current",
                    new StringSchema());
            ApiContract.respond(operation, "412", "If-Match names a version that is no longer current");
        }
    }

    private static void pathVariable(String path, HttpMethod method, Operation operation) {
        if (ApiContract.has(operation, "path")) {
            ApiContract.respond(operation, "404", "nothing has this id");
        }
    }

    private static boolean success(String code) {
        return code.startsWith("2");
    }
}
