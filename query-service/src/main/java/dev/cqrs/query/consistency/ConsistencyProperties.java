package dev.cqrs.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param consistencyWait       how long a query carrying a consistency token may wait for the read model
 * @param consistencyPoll       how long to pause between two reads while waiting
 * @param consistencyMaxWaiters how many queries may wait at the same time (each holds a request thread and opens a
 *                              connection per re-read); one more is answered 503 with Retry-After at once
 */
@ConfigurationProperties("queries")
public record ConsistencyProperties(@DefaultValue("2s") Duration consistencyWait,
                                    @DefaultValue("25ms") Duration consistencyPoll,
                                    @DefaultValue("32") int consistencyMaxWaiters) {

    public ConsistencyProperties {
        if (consistencyMaxWaiters < 1) {
            throw new IllegalArgumentException("queries.consistency-max-waiters must be at least 1, was "
                    + consistencyMaxWaiters);
        }
    }
}
