package dev.cqrs.query.dynamodb;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client both read models (employees, audit) share. {@link DynamoDbClient#create()} takes region,
 * credentials and endpoint only from the SDK's standard chains ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_DYNAMODB},
 * the default credentials provider), so one build runs against the local emulator, LocalStack or AWS. Built here,
 * as in audit-worker, rather than by a Spring Cloud AWS starter: the whole build then uses one Spring Cloud AWS
 * version, and the service needs nothing from the starter but this bean. The plain client, not the enhanced one:
 * the items' attribute names come from contracts ({@code dev.cqrs.contracts.store}), where the writers take them too.
 */
@Configuration
class DynamoDbConfig {

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.create();
    }
}
