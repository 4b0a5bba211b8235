package dev.cqrs.projector.employee;

import dev.cqrs.contracts.store.EmployeeItemFormat;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.cqrs.contracts.store.EmployeeItemFormat.CODE;
import static dev.cqrs.contracts.store.EmployeeItemFormat.EMAIL;
import static dev.cqrs.contracts.store.EmployeeItemFormat.EMPLOYEE_TYPE;
import static dev.cqrs.contracts.store.EmployeeItemFormat.HIRE_DATE;
import static dev.cqrs.contracts.store.EmployeeItemFormat.JOB_TITLE;
import static dev.cqrs.contracts.store.EmployeeItemFormat.LAST_WORKING_DATE;
import static dev.cqrs.contracts.store.EmployeeItemFormat.MANAGER_CODE;
import static dev.cqrs.contracts.store.EmployeeItemFormat.NAME;
import static dev.cqrs.contracts.store.EmployeeItemFormat.PK;
import static dev.cqrs.contracts.store.EmployeeItemFormat.REPORTS_TO;
import static dev.cqrs.contracts.store.EmployeeItemFormat.SK;
import static dev.cqrs.contracts.store.EmployeeItemFormat.TYPE;
import static dev.cqrs.contracts.store.EmployeeItemFormat.VERSION;

/**
 * An {@link EmployeeRow} as the employee item of {@link EmployeeItemFormat} and back. Absent values (no manager,
 * still employed) are left out of the item rather than stored as NULL: an absent {@code reportsTo} is what keeps the
 * item out of the {@code byManager} index.
 */
final class EmployeeItems {

    private EmployeeItems() {
    }

    static Map<String, AttributeValue> key(String code) {
        return Map.of(PK, s(code), SK, s(code));
    }

    static Map<String, AttributeValue> item(EmployeeRow row) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(row.code()));
        item.put(TYPE, s(EMPLOYEE_TYPE));
        item.put(CODE, s(row.code()));
        putIfPresent(item, NAME, row.name());
        putIfPresent(item, EMAIL, row.email());
        putIfPresent(item, JOB_TITLE, row.jobTitle());
        putIfPresent(item, MANAGER_CODE, row.managerCode());
        putIfPresent(item, REPORTS_TO, row.reportsTo());
        putIfPresent(item, HIRE_DATE, row.hireDate());
        putIfPresent(item, LAST_WORKING_DATE, row.lastWorkingDate());
        item.put(VERSION, n(row.version()));
        return item;
    }

    static EmployeeRow row(Map<String, AttributeValue> item) {
        return new EmployeeRow(string(item, CODE), string(item, NAME), string(item, EMAIL), string(item, JOB_TITLE),
                string(item, MANAGER_CODE), string(item, HIRE_DATE), string(item, LAST_WORKING_DATE),
                Long.parseLong(item.get(VERSION).n()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
