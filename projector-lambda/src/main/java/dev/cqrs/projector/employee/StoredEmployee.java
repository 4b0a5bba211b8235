package dev.cqrs.projector.employee;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** The employee item as it is stored, read before an event that changes it (it knows the current manager). */
record StoredEmployee(String code, String name, String email, String jobTitle, String managerCode, String hireDate,
                      String lastWorkingDate, long version) {

    static StoredEmployee from(Map<String, AttributeValue> item) {
        return new StoredEmployee(string(item, EmployeeItems.CODE), string(item, EmployeeItems.NAME),
                string(item, EmployeeItems.EMAIL), string(item, EmployeeItems.JOB_TITLE),
                string(item, EmployeeItems.MANAGER_CODE), string(item, EmployeeItems.HIRE_DATE),
                string(item, EmployeeItems.LAST_WORKING_DATE), Long.parseLong(item.get(EmployeeItems.VERSION).n()));
    }

    /** Only active employees appear under their manager. */
    boolean active() {
        return lastWorkingDate == null;
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
