package dev.cqrs.query.web;

import dev.cqrs.query.consistency.ConsistencyToken;
import dev.cqrs.security.ApiContract;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import java.util.List;

/**
 * The query service's OpenAPI 3.1 document ({@code /v3/api-docs}). What every query shares is documented here once,
 * by rules over all operations ({@link ApiContract}): a controller documents its 200 (schema, example, headers such as
 * {@code X-Served-By}) and the statuses that are its own, naming only status and meaning; the problem-details body,
 * header schemas and these are added:
 * <ul>
 *   <li>an operation with parameters: 400 (each invalid input under {@code errors}, {@link QueryProblems});</li>
 *   <li>every operation: 503 (a store unreachable, {@link BackendProblems}; with a consistency token also the bounded
 *       wait ran out, then with {@code Retry-After});</li>
 *   <li>a path variable: 404;</li>
 *   <li>an {@code X-Consistency-Token} header: its description, and {@code Retry-After} on the 503.</li>
 * </ul>
 */
@Configuration
class OpenApiConfig {

    @Bean
    ApiContract queryApiContract() {
        Info info = new Info().title("Query service").version("v1").description("""
                The read side of the CQRS example. Todos come from the read model on the MySQL replicas, \
                reached through a weighted DNS name; the X-Served-By header names the replica's server id. \
                Employees come from the DynamoDB employees table, audit records from the DynamoDB audit \
                table, newest first. Lists are paginated with opaque cursors. Single-item reads answer the \
                aggregate's version as ETag and accept a command's X-Consistency-Token to read your own \
                write (bounded wait, else 503 with Retry-After). Errors are RFC 9457 problem details; \
                validation problems list each invalid input under errors. Every /api operation needs an \
                OAuth 2.0 bearer token with the scope read.""");
        return new ApiContract(info, List.of(OpenApiConfig::everyQuery, OpenApiConfig::consistencyToken));
    }

    private static void everyQuery(String path, HttpMethod method, Operation operation) {
        if (ApiContract.has(operation, "query") || ApiContract.has(operation, "path")
                || ApiContract.has(operation, "header")) {
            ApiContract.respond(operation, "400", "a parameter is invalid; each one is listed under errors");
        }
        ApiContract.respond(operation, "503", "a store this query reads is unreachable");
        if (ApiContract.has(operation, "path")) {
            ApiContract.respond(operation, "404", "nothing has this id (yet)");
        }
    }

    private static void consistencyToken(String path, HttpMethod method, Operation operation) {
        if (ApiContract.hasHeader(operation, ConsistencyToken.HEADER)) {
            ApiContract.requestHeader(operation, ConsistencyToken.HEADER, ConsistencyToken.DESCRIPTION,
                    new StringSchema());
            ApiContract.responseHeader(operation, "503"::equals, HttpHeaders.RETRY_AFTER,
                    "seconds to wait before asking again (when the read model did not reach the token in time)",
                    new StringSchema().pattern("^[0-9]+$"));
        }
    }
}
