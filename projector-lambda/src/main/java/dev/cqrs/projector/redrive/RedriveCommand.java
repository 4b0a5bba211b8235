package dev.cqrs.projector.redrive;

import dev.cqrs.projector.Projector;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;

/**
 * {@code bin/redrive projector|audit}: moves a dead-letter queue back to its source queue with {@link Redrive}.
 * The same tool for both queues: the projector's parked state is its read model's version gap (nothing to release),
 * and the audit worker's items are per event.
 * <p>
 * Environment: the local stack's (or the deployment's) {@code PROJECTOR_QUEUE_NAME}, {@code PROJECTOR_DLQ_NAME},
 * {@code AUDIT_QUEUE_NAME}, {@code AUDIT_DLQ_NAME}, and the SDK's standard settings.
 */
public final class RedriveCommand {

    private RedriveCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !(args[0].equals("projector") || args[0].equals("audit"))) {
            System.err.println("usage: redrive projector|audit");
            System.exit(2);
        }
        Map<String, String> env = System.getenv();
        Map<String, Integer> moved;
        try (SqsClient sqs = Projector.sqsClient()) {
            String prefix = args[0].toUpperCase(java.util.Locale.ROOT);
            moved = new Redrive(sqs).move(env.get(prefix + "_DLQ_NAME"), env.get(prefix + "_QUEUE_NAME"));
        }
        int total = moved.values().stream().mapToInt(Integer::intValue).sum();
        moved.forEach((group, count) -> System.out.println("  " + group + ": " + count));
        System.out.println("redrive " + args[0] + ": " + total + " messages moved back, in order, from "
                + moved.size() + " message groups");
    }
}
