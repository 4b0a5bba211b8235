package dev.cqrs.query.employee;

import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

import java.util.Optional;

/** GetItem of one employee item ({@code pk = sk = CODE}), shared by the employee queries. */
@Component
class EmployeeReads {

    private final DynamoDbTable<EmployeeItem> table;

    EmployeeReads(DynamoDbTable<EmployeeItem> table) {
        this.table = table;
    }

    /** @param consistent a strongly consistent read, for waits on a consistency token (each poll must see the latest) */
    Optional<EmployeeItem> employee(String code, boolean consistent) {
        return Optional.ofNullable(table.getItem(request -> request
                .key(Key.builder().partitionValue(code).sortValue(code).build())
                .consistentRead(consistent)));
    }
}
