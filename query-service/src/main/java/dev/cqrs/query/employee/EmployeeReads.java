package dev.cqrs.query.employee;

import dev.cqrs.contracts.store.EmployeeItemFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every read of the employees table ({@link EmployeeItemFormat}), shared by the employee queries. The table is named
 * by the environment; it is provisioned elsewhere, never created here.
 */
@Component
class EmployeeReads {

    private final DynamoDbClient dynamoDb;
    private final String table;

    EmployeeReads(DynamoDbClient dynamoDb, @Value("${employees.table-name}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * GetItem of one employee item ({@code pk = sk = CODE}).
     *
     * @param consistent a strongly consistent read, for waits on a consistency token (each poll must see the latest)
     */
    Optional<EmployeeView> employee(String code, boolean consistent) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                .key(Map.of(EmployeeItemFormat.PK, AttributeValue.fromS(code),
                        EmployeeItemFormat.SK, AttributeValue.fromS(code)))
                .consistentRead(consistent)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(EmployeeView.of(item));
    }

    /**
     * A Query on the sparse {@code byManager} index, {@code reportsTo = manager}, in code order, fetched page by page
     * only as far as the stream is read.
     *
     * @param limit      items per page DynamoDB reads
     * @param startAfter ExclusiveStartKey, or null for the first page
     */
    Stream<ReporteeView> reportees(String managerCode, int limit, Map<String, AttributeValue> startAfter) {
        return dynamoDb.queryPaginator(request -> request.tableName(table)
                        .indexName(EmployeeItemFormat.BY_MANAGER)
                        .keyConditionExpression("#reportsTo = :manager")
                        .expressionAttributeNames(Map.of("#reportsTo", EmployeeItemFormat.REPORTS_TO))
                        .expressionAttributeValues(Map.of(":manager", AttributeValue.fromS(managerCode)))
                        .limit(limit)
                        .exclusiveStartKey(startAfter))
                .items().stream()
                .map(ReporteeView::of);
    }
}
