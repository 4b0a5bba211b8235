package dev.cqrs.projector.employee;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The employee item of docs/conventions.md: {@code pk = sk = CODE}, every attribute of the employee, and the sparse
 * key {@code reportsTo} of the {@code byManager} index (partition {@code reportsTo}, sort {@code code}), present only
 * while the employee is active and has a manager. Absent values (no manager, still employed) are left out of the item
 * rather than stored as NULL: an absent {@code reportsTo} is what keeps the item out of the index.
 */
final class EmployeeItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String TYPE = "type";
    static final String EMPLOYEE_TYPE = "EMPLOYEE";
    static final String CODE = "code";
    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String JOB_TITLE = "jobTitle";
    static final String MANAGER_CODE = "managerCode";
    static final String REPORTS_TO = "reportsTo";
    static final String HIRE_DATE = "hireDate";
    static final String LAST_WORKING_DATE = "lastWorkingDate";
    static final String VERSION = "version";

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
