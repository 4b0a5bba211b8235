package dev.cqrs.query.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The audit table by the name the environment gives; it is provisioned elsewhere, never created here. */
@Configuration
class AuditTableConfig {

    @Bean
    DynamoDbTable<AuditItem> auditTable(DynamoDbEnhancedClient dynamoDb, @Value("${audit.table-name}") String name) {
        return dynamoDb.table(name, TableSchema.fromBean(AuditItem.class));
    }
}
