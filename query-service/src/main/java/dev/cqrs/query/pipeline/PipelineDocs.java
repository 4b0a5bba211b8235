package dev.cqrs.query.pipeline;

/** Examples of the pipeline endpoint's OpenAPI description. */
final class PipelineDocs {

    static final String EXAMPLE = """
            {"takenAt":"2026-12-02T03:00:00.123Z","windowSeconds":2.004,
             "outbox":{"backlogRows":3,"oldestUnpublishedAgeSeconds":0.042,"parkedRows":0,"publishedPerSecond":11.5},
             "queues":[{"name":"cqrs-projector.fifo","consumer":"projector","deadLetter":false,"messages":2},
                       {"name":"cqrs-projector-dlq.fifo","consumer":"projector","deadLetter":true,"messages":0},
                       {"name":"cqrs-audit.fifo","consumer":"audit-worker","deadLetter":false,"messages":5},
                       {"name":"cqrs-audit-dlq.fifo","consumer":"audit-worker","deadLetter":true,"messages":0}],
             "projections":[{"name":"employee","appliedPerSecond":0.0,"meanLagSeconds":null,"maxLagSeconds":0.31},
                            {"name":"todo","appliedPerSecond":11.0,"meanLagSeconds":0.12,"maxLagSeconds":0.48}],
             "audit":{"recordedPerSecond":10.5,"meanLagSeconds":0.2,"maxLagSeconds":0.9},
             "replicas":[{"name":"127.0.0.12:3316","lagSeconds":0.0},{"name":"127.0.0.13:3316","lagSeconds":null}],
             "sources":[{"name":"command-service","where":"http://127.0.0.1:8080/actuator/prometheus","up":true,"error":null},
                        {"name":"projector","where":"http://127.0.0.1:8083/actuator/prometheus","up":true,"error":null},
                        {"name":"audit-worker","where":"http://127.0.0.1:8082/actuator/prometheus","up":true,"error":null},
                        {"name":"query-service","where":"in-process","up":true,"error":null}]}""";

    static final String UNAVAILABLE = """
            {"type":"about:blank","title":"Service Unavailable","status":503,
             "detail":"The service is unavailable","instance":"/api/pipeline"}""";

    private PipelineDocs() {
    }
}
