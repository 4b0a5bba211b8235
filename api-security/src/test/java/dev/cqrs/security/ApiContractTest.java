package dev.cqrs.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
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
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ApiContract} on a document shaped the way springdoc emits it for these services' controllers. */
class ApiContractTest {

    private static final String PROBLEM_REF = "#/components/schemas/" + ApiContract.PROBLEM_SCHEMA;

    @Test
    void everyErrorBecomesAProblemDetailKeepingItsExampleAndEveryApiOperationNeedsABearerToken() {
        // springdoc gives an annotated error response the handler's return type as schema, under */*
        Operation get = new Operation().responses(new ApiResponses()
                .addApiResponse("200", json(ref("Page")))
                .addApiResponse("409", new ApiResponse().description("taken").content(new Content()
                        .addMediaType("*/*", new MediaType().schema(ref("Page"))
                                .addExamples("taken", new Example().value("{\"status\":409}"))))));
        OpenAPI api = document("/api/things/{id}", get);

        contract((path, method, operation) -> ApiContract.respond(operation, "404", "no such thing")).customise(api);

        assertThat(get.getResponses().keySet()).containsExactly("200", "401", "403", "404", "409");
        for (String status : List.of("401", "403", "404", "409")) {
            MediaType problem = get.getResponses().get(status).getContent().get(ApiContract.PROBLEM_JSON);
            assertThat(problem.getSchema().get$ref()).as(status).isEqualTo(PROBLEM_REF);
            assertThat(get.getResponses().get(status).getContent()).as(status).hasSize(1);
        }
        assertThat(get.getResponses().get("409").getContent().get(ApiContract.PROBLEM_JSON).getExamples())
                .containsKey("taken");
        assertThat(get.getResponses().get("401").getHeaders()).containsKey(ApiContract.WWW_AUTHENTICATE);
        assertThat(get.getResponses().get("404").getContent().get(ApiContract.PROBLEM_JSON).getExample())
                .isEqualTo(java.util.Map.of("type", "about:blank", "title", "Not Found", "status", 404,
                        "detail", "no such thing"));
        assertThat(api.getSecurity().getFirst()).containsKey(ApiContract.BEARER_SCHEME);
        assertThat(api.getComponents().getSchemas().get(ApiContract.PROBLEM_SCHEMA).getRequired())
                .containsExactlyInAnyOrder("title", "status");
        assertThat(api.getInfo().getTitle()).isEqualTo("Things");
    }

    @Test
    void propertiesOfSuccessBodiesAreRequiredNestedOnesToo_requestBodiesKeepTheirOwn() {
        Schema<?> item = new ObjectSchema().addProperty("title", new StringSchema())
                .addProperty("description", new StringSchema().types(new java.util.LinkedHashSet<>(
                        List.of("string", "null"))));
        Schema<?> page = new ObjectSchema().addProperty("items", new ArraySchema().items(ref("Item")))
                .addProperty("nextCursor", new StringSchema());
        Schema<?> request = new ObjectSchema().addProperty("title", new StringSchema())
                .addProperty("description", new StringSchema());
        request.required(List.of("title"));
        Operation list = new Operation().responses(new ApiResponses().addApiResponse("200", json(ref("Page"))));
        OpenAPI api = document("/api/things", list);
        api.getComponents().addSchemas("Item", item).addSchemas("Page", page).addSchemas("Request", request);

        contract().customise(api);

        assertThat(page.getRequired()).containsExactlyInAnyOrder("items", "nextCursor");
        assertThat(item.getRequired()).containsExactlyInAnyOrder("title", "description");
        assertThat(request.getRequired()).containsExactly("title");
    }

    @Test
    void headersGetSchemasAndStringParametersStringExamples() {
        Parameter token = new Parameter().in("header").name("X-Consistency-Token").schema(new StringSchema())
                .example(2);
        Parameter limit = new Parameter().in("query").name("limit").schema(new IntegerSchema()).example(20);
        Operation get = new Operation().parameters(List.of(token, limit)).responses(new ApiResponses()
                .addApiResponse("200", json(new StringSchema()).addHeaderObject("ETag",
                        new Header().description("version"))));
        OpenAPI api = document("/api/things", get);

        contract().customise(api);

        assertThat(token.getExample()).isEqualTo("2");
        assertThat(limit.getExample()).isEqualTo(20);
        assertThat(get.getResponses().get("200").getHeaders().get("ETag").getSchema().getTypes())
                .containsExactly("string");
    }

    @Test
    void rulesSeeEachOperationWithItsPathAndMethodAndTheHelpersDoNotOverwrite() {
        Operation put = new Operation().responses(new ApiResponses()
                .addApiResponse("200", json(new StringSchema()))
                .addApiResponse("412", new ApiResponse().description("the controller's own words")))
                .parameters(new java.util.ArrayList<>(List.of(new Parameter().in("header").name("if-match"))));
        OpenAPI api = document("/api/things/{id}", PathItem.HttpMethod.PUT, put);
        List<String> seen = new java.util.ArrayList<>();

        contract((path, method, operation) -> {
            seen.add(method + " " + path);
            if (ApiContract.hasHeader(operation, "If-Match")) {
                ApiContract.respond(operation, "412", "generic words");
                ApiContract.requestHeader(operation, "If-Match", "an ETag", new StringSchema());
            }
            ApiContract.requestHeader(operation, "X-Correlation-Id", "correlation", new StringSchema());
        }).customise(api);

        assertThat(seen).containsExactly("PUT /api/things/{id}");
        assertThat(put.getResponses().get("412").getDescription()).isEqualTo("the controller's own words");
        assertThat(put.getParameters()).extracting(Parameter::getName).containsExactly("if-match", "X-Correlation-Id");
        assertThat(put.getParameters().getFirst().getDescription()).isEqualTo("an ETag");
    }

    private static ApiContract contract(ApiContract.OperationRule... rules) {
        return new ApiContract(new Info().title("Things").version("v1"), List.of(rules));
    }

    private static OpenAPI document(String path, Operation operation) {
        return document(path, PathItem.HttpMethod.GET, operation);
    }

    private static OpenAPI document(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = new PathItem();
        item.operation(method, operation);
        return new OpenAPI().components(new Components()).paths(new Paths().addPathItem(path, item));
    }

    private static ApiResponse json(Schema<?> schema) {
        return new ApiResponse().description("ok")
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
