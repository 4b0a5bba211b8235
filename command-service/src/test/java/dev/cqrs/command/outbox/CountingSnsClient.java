package dev.cqrs.command.outbox;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real SNS client, plus a record of every entry SNS accepted through it, in order. Not a mock: every call goes to
 * the real topic; this only counts, because FIFO deduplication would hide a double publish from any subscriber.
 */
class CountingSnsClient implements SnsClient {

    private final SnsClient delegate;
    private final List<String> accepted;

    CountingSnsClient(SnsClient delegate, List<String> sharedLog) {
        this.delegate = delegate;
        this.accepted = sharedLog;
    }

    static List<String> newLog() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public PublishBatchResponse publishBatch(PublishBatchRequest request) {
        PublishBatchResponse response = delegate.publishBatch(request);
        synchronized (accepted) {
            response.successful().forEach(entry -> accepted.add(entry.id()));
        }
        return response;
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
    }
}
