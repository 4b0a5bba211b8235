package dev.cqrs.audit.record;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client, built by hand because Spring Cloud AWS's DynamoDB starter is not available to this build.
 * {@link DynamoDbClient#create()} takes region, credentials and endpoint only from the SDK's standard chains
 * (AWS_REGION, the default credentials chain, AWS_ENDPOINT_URL_DYNAMODB), so no endpoint lives in configuration.
 */
@Configuration(proxyBeanMethods = false)
class DynamoDbConfig {

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.create();
    }
}
