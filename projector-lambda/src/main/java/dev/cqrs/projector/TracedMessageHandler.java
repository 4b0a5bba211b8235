package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cqrs.contracts.observability.TraceContextAttributes;
import dev.cqrs.projector.telemetry.Telemetry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import java.util.Map;

/**
 * Continues the command's trace for each message: a CONSUMER span {@code project <eventType>}, child of the span
 * named by the message attribute {@code traceparent} (W3C Trace Context, set by the outbox relay on the SNS message;
 * raw delivery copies it onto the SQS message and Lambda's event carries it as
 * {@code messageAttributes.traceparent.stringValue}). The read models' own spans ({@code apply <read model>}) and every
 * log line of the message sit inside it. A message without the attribute starts a new trace.
 */
final class TracedMessageHandler implements MessageHandler {

    private final MessageHandler delegate;
    private final Telemetry telemetry;

    TracedMessageHandler(MessageHandler delegate, Telemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public void handle(SQSMessage message) {
        String eventType = attribute(message, "eventType");
        Span span = telemetry.startConsumer(attribute(message, TraceContextAttributes.TRACEPARENT),
                        "project " + (eventType == null ? "message" : eventType))
                .tag("messaging.message.id", message.getMessageId());
        try (Tracer.SpanInScope scope = telemetry.tracer().withSpan(span)) {
            delegate.handle(message);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static String attribute(SQSMessage message, String name) {
        Map<String, MessageAttribute> attributes = message.getMessageAttributes();
        MessageAttribute attribute = attributes == null ? null : attributes.get(name);
        return attribute == null ? null : attribute.getStringValue();
    }
}
