package dev.cqrs.command.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

import java.time.Duration;

/**
 * The SNS client the relay publishes with. Region, credentials and (locally) the endpoint come from the SDK's own
 * default chains ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_SNS}, ...). Every call is bounded: a hanging SNS makes a
 * publish fail after {@code outbox.sns.api-call-timeout} (default 5 s, all retries included; each attempt at most
 * {@code outbox.sns.api-call-attempt-timeout}, default 2 s) and the rows are retried later, instead of a relay
 * thread waiting forever. The relay's lease ({@code outbox.relay.lease}) must be longer than the call timeout.
 */
@Configuration(proxyBeanMethods = false)
class SnsConfiguration {

    @Bean(destroyMethod = "close")
    SnsClient snsClient(@Value("${outbox.sns.api-call-timeout:5s}") Duration apiCallTimeout,
                        @Value("${outbox.sns.api-call-attempt-timeout:2s}") Duration apiCallAttemptTimeout) {
        return builder(apiCallTimeout, apiCallAttemptTimeout).build();
    }

    static SnsClientBuilder builder(Duration apiCallTimeout, Duration apiCallAttemptTimeout) {
        return SnsClient.builder()
                .overrideConfiguration(c -> c.apiCallTimeout(apiCallTimeout).apiCallAttemptTimeout(apiCallAttemptTimeout));
    }
}
