package dev.cqrs.audit.record;

import io.awspring.cloud.sqs.support.converter.MessagingMessageConverter;
import io.awspring.cloud.sqs.support.converter.SqsMessagingMessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * By default Spring Cloud AWS deserializes a message into the class named by its {@code JavaType} attribute before
 * the listener runs; a sender setting that attribute (to anything) could then make a message fail outside the
 * listener, where it is neither recorded nor parked with a reason. The audit worker keeps every body a plain string
 * and leaves parsing to {@code EventJson}, the one codec. Replaces the starter's converter (it backs off when a
 * {@link MessagingMessageConverter} bean exists).
 */
@Configuration(proxyBeanMethods = false)
class RawBodyMessageConverterConfig {

    @Bean
    MessagingMessageConverter<Message> rawBodyMessageConverter() {
        SqsMessagingMessageConverter converter = new SqsMessagingMessageConverter();
        converter.setPayloadTypeMapper(message -> String.class);
        return converter;
    }
}
