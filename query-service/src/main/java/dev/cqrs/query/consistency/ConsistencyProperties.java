package dev.cqrs.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param consistencyWait how long a query carrying a consistency token may wait for the read model
 * @param consistencyPoll how long to pause between two reads while waiting
 */
@ConfigurationProperties("queries")
public record ConsistencyProperties(@DefaultValue("2s") Duration consistencyWait,
                                    @DefaultValue("25ms") Duration consistencyPoll) {
}
