package dev.cqrs.projector.employee;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The single-table shape of docs/conventions.md: the employee item ({@code pk = sk = CODE}) and the reportee item
 * under the manager's partition ({@code pk = MANAGER, sk = "REPORTEE#CODE"}). Absent values (no manager, still
 * employed) are left out of the item rather than stored as NULL.
 */
final class EmployeeItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String TYPE = "type";
    static final String CODE = "code";
    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String JOB_TITLE = "jobTitle";
    static final String MANAGER_CODE = "managerCode";
    static final String HIRE_DATE = "hireDate";
    static final String LAST_WORKING_DATE = "lastWorkingDate";
    static final String VERSION = "version";
    static final String REPORTEE_PREFIX = "REPORTEE#";

    private EmployeeItems() {
    }

    static Map<String, AttributeValue> employeeKey(String code) {
        return Map.of(PK, s(code), SK, s(code));
    }

    static Map<String, AttributeValue> reporteeKey(String managerCode, String code) {
        return Map.of(PK, s(managerCode), SK, s(REPORTEE_PREFIX + code));
    }

    static Map<String, AttributeValue> employeeItem(String code, String name, String email, String jobTitle,
                                                    String managerCode, String hireDate, long version) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(employeeKey(code));
        item.put(TYPE, s("EMPLOYEE"));
        putDetails(item, code, name, email, jobTitle, hireDate, version);
        putIfPresent(item, MANAGER_CODE, managerCode);
        return item;
    }

    static Map<String, AttributeValue> reporteeItem(String managerCode, String code, String name, String email,
                                                    String jobTitle, String hireDate, long version) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(reporteeKey(managerCode, code));
        item.put(TYPE, s("REPORTEE"));
        putDetails(item, code, name, email, jobTitle, hireDate, version);
        return item;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void putDetails(Map<String, AttributeValue> item, String code, String name, String email,
                                   String jobTitle, String hireDate, long version) {
        item.put(CODE, s(code));
        putIfPresent(item, NAME, name);
        putIfPresent(item, EMAIL, email);
        putIfPresent(item, JOB_TITLE, jobTitle);
        putIfPresent(item, HIRE_DATE, hireDate);
        item.put(VERSION, n(version));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
