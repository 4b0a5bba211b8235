package dev.cqrs.query.employee;

import dev.cqrs.query.StackEnv;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Items a test puts straight into the employees table in the shape of docs/conventions.md, standing in for the
 * projector, with the plain SDK client (independent of the code under test); removed again on close.
 */
final class SeededEmployees implements AutoCloseable {

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final String table = StackEnv.require("EMPLOYEES_TABLE");
    private final List<Map<String, AttributeValue>> keys = Collections.synchronizedList(new ArrayList<>());

    /**
     * The employee item; while active with a manager it carries {@code reportsTo}, the key of the {@code byManager}
     * index, so it is listed under the manager.
     *
     * @param managerCode     {@code null} at the top
     * @param lastWorkingDate {@code null} while active
     */
    void employee(String code, String name, String managerCode, String lastWorkingDate, long version) {
        Map<String, AttributeValue> item = key(code, code);
        item.put("type", AttributeValue.fromS("EMPLOYEE"));
        details(item, code, name, version);
        if (managerCode != null) {
            item.put("managerCode", AttributeValue.fromS(managerCode));
        }
        if (lastWorkingDate != null) {
            item.put("lastWorkingDate", AttributeValue.fromS(lastWorkingDate));
        } else if (managerCode != null) {
            item.put("reportsTo", AttributeValue.fromS(managerCode));
        }
        put(item);
    }

    /** As the projector applies a details update: new name and version. */
    void rename(String code, String name, long version) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(code, code))
                .updateExpression("SET #name = :name, version = :version")
                .expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS(name),
                        ":version", AttributeValue.fromN(Long.toString(version)))));
    }

    private static void details(Map<String, AttributeValue> item, String code, String name, long version) {
        item.put("code", AttributeValue.fromS(code));
        item.put("name", AttributeValue.fromS(name));
        item.put("email", AttributeValue.fromS(code.toLowerCase() + "@example.com"));
        item.put("jobTitle", AttributeValue.fromS("Engineer"));
        item.put("hireDate", AttributeValue.fromS("2026-01-05"));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
    }

    private void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(b -> b.tableName(table).item(item));
        keys.add(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return new HashMap<>(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)));
    }

    @Override
    public void close() {
        List.copyOf(keys).forEach(key -> dynamoDb.deleteItem(b -> b.tableName(table).key(key)));
        dynamoDb.close();
    }
}
