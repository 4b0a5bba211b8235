package dev.cqrs.command.outbox;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** SNS clients that misbehave in one controlled way and otherwise pass calls to the real topic. */
final class StubSnsClients {

    private StubSnsClients() {
    }

    /** Thrown where a real relay process would have died: the relay must not catch it. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after PublishBatch returned");
        }
    }

    private abstract static class Forwarding implements SnsClient {
        final SnsClient delegate;

        Forwarding(SnsClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
        }
    }

    /** Hangs inside PublishBatch (like an SNS that never answers) until released, then really publishes. */
    static final class Hanging extends Forwarding {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Hanging(SnsClient delegate) {
            super(delegate);
        }

        @Override
        public PublishBatchResponse publishBatch(PublishBatchRequest request) {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.publishBatch(request);
        }
    }

    /** Publishes for real, then "crashes" before the relay can record the outcome. */
    static final class CrashingAfterPublish extends Forwarding {
        CrashingAfterPublish(SnsClient delegate) {
            super(delegate);
        }

        @Override
        public PublishBatchResponse publishBatch(PublishBatchRequest request) {
            delegate.publishBatch(request);
            throw new SimulatedCrash();
        }
    }

    /** SNS rejects every entry whose message group (aggregate id) starts with the prefix; the rest go through. */
    static final class Rejecting extends Forwarding {
        private final String poisonPrefix;

        Rejecting(SnsClient delegate, String poisonPrefix) {
            super(delegate);
            this.poisonPrefix = poisonPrefix;
        }

        @Override
        public PublishBatchResponse publishBatch(PublishBatchRequest request) {
            List<PublishBatchRequestEntry> good = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (PublishBatchRequestEntry entry : request.publishBatchRequestEntries()) {
                if (entry.messageGroupId().startsWith(poisonPrefix)) {
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError")
                            .message("poison entry for the test").senderFault(false).build());
                } else {
                    good.add(entry);
                }
            }
            var response = good.isEmpty() ? PublishBatchResponse.builder().build()
                    : delegate.publishBatch(request.toBuilder().publishBatchRequestEntries(good).build());
            List<BatchResultErrorEntry> allFailed = new ArrayList<>(response.failed());
            allFailed.addAll(failed);
            return response.toBuilder().failed(allFailed).build();
        }
    }
}
