package dev.cqrs.query.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The audit table by the name the environment gives; it is provisioned elsewhere, never created here. */
@Component
class AuditTable {

    private final DynamoDbClient dynamoDb;
    private final String name;

    AuditTable(DynamoDbClient dynamoDb, @Value("${audit.table-name}") String name) {
        this.dynamoDb = dynamoDb;
        this.name = name;
    }

    /** The items of a Query, fetched page by page only as far as the stream is read. */
    Stream<Map<String, AttributeValue>> query(Consumer<QueryRequest.Builder> request) {
        return dynamoDb.queryPaginator(builder -> request.accept(builder.tableName(name))).items().stream();
    }
}
