package dev.cqrs.query.web;

/** Examples shared by the OpenAPI description of every endpoint: the problem details each can answer with. */
public final class ApiDocs {

    public static final String PROBLEM_JSON = "application/problem+json";

    public static final String BAD_REQUEST = """
            {"type":"about:blank","title":"Invalid request","status":400,
             "detail":"The request has 2 invalid fields.","instance":"/api/todos",
             "errors":[{"field":"limit","message":"must be less than or equal to 100"},
                       {"field":"cursor","message":"is not a cursor this service issued: x"}]}""";

    public static final String NOT_YET_CONSISTENT = """
            {"type":"about:blank","title":"Read model not yet consistent","status":503,
             "detail":"The read model has not yet reached the requested version of todo 0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f (waited 2000 ms)",
             "instance":"/api/todos/0b7e8c1e-2f44-4f3a-9d6c-1a2b3c4d5e6f"}""";

    public static final String UNAVAILABLE = """
            {"type":"about:blank","title":"Service Unavailable","status":503,
             "detail":"The read model is unavailable","instance":"/api/todos"}""";

    public static final String CURSOR = "opaque nextCursor of the previous page; omit for the first page";

    private ApiDocs() {
    }
}
