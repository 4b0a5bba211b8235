package dev.cqrs.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Makes a service's OpenAPI 3.1 document (springdoc, {@code /v3/api-docs}) say what the service really does, for
 * every operation at once instead of per endpoint. Registered by each service as an {@link OpenApiCustomizer} bean
 * with its {@link Info} and its own {@link OperationRule}s; springdoc runs it on the finished document.
 *
 * <p>What it does to the document:
 * <ul>
 *   <li>{@code info} is the service's; {@code servers} is {@code /} (the document describes the origin it is served
 *       from: 127.0.0.1:8080 locally, the load balancer in AWS).</li>
 *   <li>Every {@code /api/} operation needs a bearer token (RFC 6750; JWT access token, RFC 9068: security scheme
 *       {@value #BEARER_SCHEME}) and may answer 401 and 403 with {@code WWW-Authenticate} ({@link ApiSecurity}).</li>
 *   <li>Every error response (status 400 and above) is an RFC 9457 problem detail: media type
 *       {@value #PROBLEM_JSON}, schema {@value #PROBLEM_SCHEMA}, with the controller's examples or else one made of
 *       the status and the response's description. A controller only names the status and says when it happens.</li>
 *   <li>Tags are sorted by name, responses by status, so the document reads the same after every start.</li>
 *   <li>Every response and request header has a schema (string unless given).</li>
 *   <li>Every property of a schema that a success response (2xx) returns is {@code required}: the services write
 *       each record component, {@code null} included. A component that can be null must say so with
 *       {@code @jakarta.annotation.Nullable}, which swagger-core turns into the 3.1 type array
 *       {@code ["string", "null"]}; a property that is sometimes left out cannot be described by a record.</li>
 *   <li>An example of a string parameter is a string (springdoc reads {@code example = "2"} as the number 2).</li>
 *   <li>Jackson's {@code JsonNode} is an arbitrary JSON object, not Jackson's own bean properties.</li>
 * </ul>
 * Operation-specific facts (a 404 when the path names an entity, a 412 when If-Match is accepted, the headers of a
 * service) are the services' {@link OperationRule}s, applied before the error responses are normalised, so a rule
 * only names a status and its meaning ({@link #problem}).
 */
public final class ApiContract implements OpenApiCustomizer {

    /** RFC 9457 §3: the media type of every error body. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Name of the problem-details schema in {@code components/schemas}. */
    public static final String PROBLEM_SCHEMA = "ProblemDetail";
    /** Name of the schema of one entry of a problem's {@code errors}. */
    public static final String INVALID_FIELD_SCHEMA = "InvalidField";
    /** Name of the bearer-token security scheme. */
    public static final String BEARER_SCHEME = "bearerToken";
    /** RFC 6750 §3: sent with every 401 and 403. */
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private static final String JSON_NODE = "JsonNode";

    private final Info info;
    private final List<OperationRule> rules;

    /**
     * @param info  the document's title, version and description
     * @param rules the service's own rules, applied to each operation in this order
     */
    public ApiContract(Info info, List<OperationRule> rules) {
        this.info = Objects.requireNonNull(info);
        this.rules = List.copyOf(rules);
    }

    /** A service's rule for one operation: adds the responses, parameters and headers it knows the operation has. */
    @FunctionalInterface
    public interface OperationRule {

        /**
         * @param path      the path template, e.g. {@code /api/todos/{id}}
         * @param method    the HTTP method
         * @param operation the operation to complete, changed in place
         */
        void apply(String path, PathItem.HttpMethod method, Operation operation);
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(info);
        api.servers(List.of(new Server().url("/").description("the origin this document is served from")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSchemas(INVALID_FIELD_SCHEMA, invalidFieldSchema());
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        components.addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("An OAuth 2.0 access token (JWT, RFC 9068) of the configured issuer, with the scope the "
                        + "operation needs (RFC 6750 bearer usage)."));
        api.security(List.of(new SecurityRequirement().addList(BEARER_SCHEME)));
        if (components.getSchemas().containsKey(JSON_NODE)) {
            components.addSchemas(JSON_NODE, new ObjectSchema().additionalProperties(true)
                    .description("any JSON object"));
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getResponses() == null) {
                operation.responses(new ApiResponses());
            }
            if (path.startsWith("/api/")) {
                respond(operation, "401", "no valid bearer token: missing, expired, or of another issuer or audience");
                respond(operation, "403", "the token lacks the scope this operation needs");
                responseHeader(operation, code -> code.equals("401") || code.equals("403"), WWW_AUTHENTICATE,
                        "RFC 6750 challenge: Bearer, with error=\"insufficient_scope\" on 403");
            }
            rules.forEach(rule -> rule.apply(path, method, operation));
            normalise(operation);
        }));
        markResponsePropertiesRequired(api);
        sortResponses(api);
        if (api.getTags() != null) {
            // springdoc lists tags in the order it met the controllers, which may change between starts
            api.getTags().sort(java.util.Comparator.comparing(io.swagger.v3.oas.models.tags.Tag::getName));
        }
    }

    /**
     * Adds an error response with the problem-details body unless the operation documents {@code status} already.
     *
     * @param status      the HTTP status, e.g. {@code "409"}
     * @param description when the service answers it
     */
    public static void respond(Operation operation, String status, String description) {
        operation.getResponses().computeIfAbsent(status, code -> problem(description));
    }

    /** An RFC 9457 problem-details response ({@value #PROBLEM_JSON}, schema {@value #PROBLEM_SCHEMA}). */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent(null));
    }

    /**
     * Documents a response header on every response of the operation whose status code matches.
     *
     * @param codes       which statuses carry it, e.g. {@code code -> code.startsWith("2")}
     * @param name        the header's name
     * @param description what it carries
     */
    public static void responseHeader(Operation operation, Predicate<String> codes, String name, String description) {
        responseHeader(operation, codes, name, description, new StringSchema());
    }

    /** {@link #responseHeader(Operation, Predicate, String, String)} with the header value's schema. */
    public static void responseHeader(Operation operation, Predicate<String> codes, String name, String description,
                                      Schema<?> schema) {
        operation.getResponses().forEach((code, response) -> {
            if (codes.test(code) && (response.getHeaders() == null || !response.getHeaders().containsKey(name))) {
                response.addHeaderObject(name, new Header().description(description).schema(schema));
            }
        });
    }

    /**
     * Documents an optional request header unless the operation has a parameter of that name already (then it only
     * gains the description and schema it lacks).
     */
    public static void requestHeader(Operation operation, String name, String description, Schema<?> schema) {
        Parameter existing = operation.getParameters() == null ? null : operation.getParameters().stream()
                .filter(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName())).findFirst()
                .orElse(null);
        if (existing == null) {
            operation.addParametersItem(new Parameter().in("header").name(name).required(false)
                    .description(description).schema(schema));
            return;
        }
        if (existing.getDescription() == null || existing.getDescription().isBlank()) {
            existing.description(description);
        }
        if (existing.getSchema() == null || typeOf(existing.getSchema()) == null) {
            existing.schema(schema);
        }
    }

    /** True if the operation has a parameter in {@code in} ("path", "query", "header") or, for "body", a body. */
    public static boolean has(Operation operation, String in) {
        if (in.equals("body")) {
            return operation.getRequestBody() != null;
        }
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> in.equals(p.getIn()));
    }

    /** True if the operation has a header parameter of this name (case-insensitive, as HTTP header names are). */
    public static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
    }

    /** Error bodies become problem details, headers get schemas, string parameters string examples. */
    private static void normalise(Operation operation) {
        operation.getResponses().forEach((code, response) -> {
            if (isError(code)) {
                response.content(problemContent(response.getContent()));
                MediaType problem = response.getContent().get(PROBLEM_JSON);
                if (problem.getExample() == null && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
                    problem.example(example(Integer.parseInt(code), response.getDescription()));
                }
            }
            if (code.equals("304") || code.equals("204")) {
                response.content(null);
            }
            if (response.getHeaders() != null) {
                response.getHeaders().values().forEach(header -> {
                    if (header.getSchema() == null) {
                        header.schema(new StringSchema());
                    }
                });
            }
        });
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getExample() != null && !(parameter.getExample() instanceof String)
                        && "string".equals(typeOf(parameter.getSchema()))) {
                    parameter.example(String.valueOf(parameter.getExample()));
                }
            }
        }
    }

    /** A problem detail as the services write it for {@code status}, its detail the response's description. */
    private static Map<String, Object> example(int status, String description) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status);
        example.put("title", known == null ? "Error" : known.getReasonPhrase());
        example.put("status", status);
        example.put("detail", description == null || description.isBlank() ? "see title" : description);
        return example;
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    /** The problem-details media type, keeping the examples of whatever content the controller declared. */
    private static Content problemContent(Content declared) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        if (declared != null) {
            declared.values().forEach(media -> {
                if (media.getExamples() != null) {
                    media.getExamples().forEach(problem::addExamples);
                }
                if (media.getExample() != null) {
                    problem.example(media.getExample());
                }
            });
        }
        return new Content().addMediaType(PROBLEM_JSON, problem);
    }

    /** RFC 9457 §3.1 members, plus the extension members these services send (§3.2); others may follow. */
    private static Schema<?> problemSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("RFC 9457 problem details. Extension members: errors (400: each invalid input), "
                        + "activeReportees (409 on terminating a manager), index (409 on a batch: the refused row).")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("identifies the problem type; absent means about:blank (RFC 9457 §3.1.1): "
                                + "the status says it all"))
                .addProperty("title", new StringSchema().description("short summary of the problem type"))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(100))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("the HTTP status code"))
                .addProperty("detail", new StringSchema().description("what went wrong in this occurrence"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("the request path this occurrence is about"))
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + INVALID_FIELD_SCHEMA))
                        .description("400: each invalid input (body field, parameter or header)"))
                .addProperty("activeReportees", new ArraySchema().items(new StringSchema())
                        .description("409 on terminate: the codes of the manager's active reportees"))
                .addProperty("index", new IntegerSchema().minimum(java.math.BigDecimal.ZERO)
                        .description("409 on a batch: the zero-based index of the refused row"));
        schema.additionalProperties(true);
        // Spring leaves out "type" when it is about:blank; title and status are always there
        schema.required(List.of("title", "status"));
        return schema;
    }

    private static Schema<?> invalidFieldSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("One invalid input of a 400 problem")
                .addProperty("field", new StringSchema()
                        .description("body field path (e.g. employees[2].hireDate), parameter or header name"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        schema.required(List.of("field", "message"));
        return schema;
    }

    /**
     * Marks every property required in each component schema that a 2xx response returns, directly or nested
     * (properties, array items, $refs), since the services serialise every record component, nulls included.
     */
    private static void markResponsePropertiesRequired(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Deque<Schema<?>> todo = new ArrayDeque<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation ->
                operation.getResponses().forEach((code, response) -> {
                    if (code.startsWith("2") && response.getContent() != null) {
                        response.getContent().values().forEach(media -> {
                            if (media.getSchema() != null) {
                                todo.add(media.getSchema());
                            }
                        });
                    }
                })));
        Set<String> seen = new HashSet<>(Set.of(PROBLEM_SCHEMA, INVALID_FIELD_SCHEMA, JSON_NODE));
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                if (seen.add(name) && schemas.containsKey(name)) {
                    todo.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getItems() != null) {
                todo.add(schema.getItems());
            }
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.required(new ArrayList<>(schema.getProperties().keySet()));
                schema.getProperties().values().forEach(todo::add);
            }
        }
    }

    /** Responses in status order, so the document (and its diffs) read the same way every time. */
    private static void sortResponses(OpenAPI api) {
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
            operation.getResponses().clear();
            operation.getResponses().putAll(new LinkedHashMap<>(sorted));
        }));
    }

    /** The schema's single type, from the 3.1 type set or the 3.0 type; null when none or several. */
    private static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getTypes() != null && schema.getTypes().size() == 1) {
            return schema.getTypes().iterator().next();
        }
        return schema.getType();
    }
}
