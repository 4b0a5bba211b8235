package dev.cqrs.command.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transaction, EventPublisher publisher, Clock clock,
                            @Value("${outbox.relay.backoff-base:200ms}") Duration backoffBase,
                            @Value("${outbox.relay.backoff-cap:60s}") Duration backoffCap,
                            @Value("${outbox.relay.lease:30s}") Duration lease,
                            @Value("${outbox.relay.max-attempts:10}") int maxAttempts) {
        return new OutboxRelay(jdbc, transaction, publisher, new Backoff(backoffBase, backoffCap), clock, lease,
                maxAttempts);
    }

    /** Off only in tests that drive relays by hand; every running instance relays. */
    @Bean
    @ConditionalOnProperty(name = "outbox.relay.enabled", matchIfMissing = true)
    RelayLoop relayLoop(OutboxRelay relay, RelayWakeUp wakeUp,
                        @Value("${outbox.relay.poll-interval:1s}") Duration pollInterval,
                        @Value("${outbox.relay.workers:4}") int workers) {
        return new RelayLoop(relay, wakeUp, pollInterval, workers);
    }
}
