package dev.cqrs.projector;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.List;

/**
 * The Lambda entry point, fed by an SQS event source mapping with ReportBatchItemFailures: the messages it reports
 * are redelivered (and after 5 receives moved to the DLQ by the queue's redrive policy), all others are deleted.
 */
public final class ProjectorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** One per container: built in the init phase of the first invocation's container, reused afterwards. */
    private static Projector shared;

    private final PartialBatchProcessor batchProcessor;
    /** Run after every invocation: sends the invocation's spans before Lambda freezes the container. */
    private final Runnable afterInvocation;

    /** Used by Lambda: configured from the environment; sends the spans after every invocation. */
    public ProjectorHandler() {
        this(sharedProjector(), true);
    }

    /**
     * Used by the local runner, which owns (and closes) the projector. Its process is not frozen between batches, so
     * spans leave on the reporter's own schedule (every second, in bulk) instead of one POST to Zipkin per batch.
     */
    public ProjectorHandler(Projector projector) {
        this(projector, false);
    }

    private ProjectorHandler(Projector projector, boolean flushAfterInvocation) {
        this(projector.batchProcessor(), flushAfterInvocation ? projector.telemetry()::flush : () -> { });
    }

    ProjectorHandler(PartialBatchProcessor batchProcessor) {
        this(batchProcessor, () -> { });
    }

    private ProjectorHandler(PartialBatchProcessor batchProcessor, Runnable afterInvocation) {
        this.batchProcessor = batchProcessor;
        this.afterInvocation = afterInvocation;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        try {
            return batchProcessor.process(records);
        } finally {
            afterInvocation.run();
        }
    }

    private static synchronized Projector sharedProjector() {
        // Not a static initializer: a failed init (database not reachable yet) is retried on the next construction
        // instead of leaving the class unusable.
        if (shared == null) {
            shared = Projector.fromEnvironment(System.getenv());
        }
        return shared;
    }
}
