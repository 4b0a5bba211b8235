package dev.cqrs.contracts.observability;

/**
 * How a trace crosses the outbox, SNS and SQS: the W3C Trace Context header
 * (https://www.w3.org/TR/trace-context/, {@code traceparent: 00-<32 hex trace id>-<16 hex parent span id>-<2 hex
 * flags>}) is stored with the outbox row and sent as the SNS message attribute of the same name (String). Raw message
 * delivery copies message attributes onto the SQS message, so every consumer finds it there (Lambda's SQS event:
 * {@code messageAttributes.traceparent.stringValue}). A message without it starts a new trace.
 */
public final class TraceContextAttributes {

    /** The W3C header, message attribute and outbox column content. */
    public static final String TRACEPARENT = "traceparent";
    /** Optional vendor state of the same spec; carried when present. */
    public static final String TRACESTATE = "tracestate";

    private TraceContextAttributes() {
    }
}
