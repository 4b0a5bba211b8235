package dev.cqrs.projector.employee;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmployeeUpdateTest {

    @Test
    void setsValuesRemovesNullsAndLocksTheVersionRead() {
        Update update = new EmployeeUpdate().set("name", "Ada").set("managerCode", (String) null)
                .build("employees", "E1", 5, 4);

        assertThat(update.tableName()).isEqualTo("employees");
        assertThat(update.key()).isEqualTo(Map.of("pk", AttributeValue.fromS("E1"), "sk", AttributeValue.fromS("E1")));
        assertThat(update.updateExpression()).isEqualTo("SET #name = :name, #version = :version REMOVE #managerCode");
        assertThat(update.conditionExpression()).isEqualTo("#seen = :seen");
        assertThat(update.expressionAttributeNames()).isEqualTo(Map.of("#name", "name", "#managerCode", "managerCode",
                "#version", "version", "#seen", "version"));
        assertThat(update.expressionAttributeValues()).isEqualTo(Map.of(":name", AttributeValue.fromS("Ada"),
                ":version", AttributeValue.fromN("5"), ":seen", AttributeValue.fromN("4")));
    }
}
