package dev.cqrs.projector.redrive;

import dev.cqrs.projector.Projector;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;

/**
 * {@code bin/redrive projector|audit}: moves a dead-letter queue back to its source queue with {@link Redrive}.
 * For the projector it also releases the parked aggregates (read_db.parked_aggregate) of what it moves; the audit
 * worker keeps no such marks (its items are per event, so order does not matter there).
 * <p>
 * Environment: the local stack's (or the deployment's) {@code PROJECTOR_QUEUE_NAME}, {@code PROJECTOR_DLQ_NAME},
 * {@code AUDIT_QUEUE_NAME}, {@code AUDIT_DLQ_NAME}, {@code PROJECTOR_DB_*}, and the SDK's standard settings.
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
            if (args[0].equals("projector")) {
                try (Projector.ParkingMarks marks = Projector.parkingMarks(env)) {
                    moved = new Redrive(sqs, marks::release)
                            .move(env.get("PROJECTOR_DLQ_NAME"), env.get("PROJECTOR_QUEUE_NAME"));
                }
            } else {
                moved = new Redrive(sqs, groups -> { })
                        .move(env.get("AUDIT_DLQ_NAME"), env.get("AUDIT_QUEUE_NAME"));
            }
        }
        int total = moved.values().stream().mapToInt(Integer::intValue).sum();
        moved.forEach((group, count) -> System.out.println("  " + group + ": " + count));
        System.out.println("redrive " + args[0] + ": " + total + " messages moved back, in order, from "
                + moved.size() + " message groups");
    }
}
