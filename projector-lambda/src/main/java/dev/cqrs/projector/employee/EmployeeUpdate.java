package dev.cqrs.projector.employee;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An UpdateItem on the employee item: SET for values, REMOVE for nulls, and the optimistic lock on the version that
 * was read. Hand-written rather than the enhanced client's updateItem because that one writes a whole mapped item
 * (or ignores nulls, so it could never remove a manager) and cannot express the condition on the version read.
 * Every attribute goes through a placeholder name: "name" is a DynamoDB reserved word.
 */
final class EmployeeUpdate {

    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    EmployeeUpdate set(String attribute, String value) {
        return set(attribute, value == null ? null : EmployeeItems.s(value));
    }

    EmployeeUpdate set(String attribute, AttributeValue value) {
        names.put("#" + attribute, attribute);
        if (value == null) {
            removes.add("#" + attribute);
        } else {
            sets.add("#" + attribute + " = :" + attribute);
            values.put(":" + attribute, value);
        }
        return this;
    }

    /** The update of {@code code}'s item to {@code version}, applied only if the item is still at {@code seenVersion}. */
    Update build(String table, String code, long version, long seenVersion) {
        set(EmployeeItems.VERSION, EmployeeItems.n(version));
        names.put("#seen", EmployeeItems.VERSION);
        values.put(":seen", EmployeeItems.n(seenVersion));
        String expression = "SET " + String.join(", ", sets)
                + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        return Update.builder()
                .tableName(table)
                .key(EmployeeItems.employeeKey(code))
                .updateExpression(expression)
                .conditionExpression("#seen = :seen")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }
}
