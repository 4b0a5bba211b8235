package dev.cqrs.query.employee;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The employees table by the name the environment gives; it is provisioned elsewhere, never created here. */
@Configuration
class EmployeeTableConfig {

    @Bean
    DynamoDbTable<EmployeeItem> employeeTable(DynamoDbEnhancedClient dynamoDb,
                                              @Value("${employees.table-name}") String name) {
        return dynamoDb.table(name, TableSchema.fromBean(EmployeeItem.class));
    }
}
