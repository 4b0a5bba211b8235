package dev.cqrs.query.employee;

import jakarta.annotation.Nullable;
import dev.cqrs.contracts.store.EmployeeItemFormat;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.Map;

import static dev.cqrs.query.dynamodb.ItemAttributes.number;
import static dev.cqrs.query.dynamodb.ItemAttributes.string;

/**
 * One employee as the API shows it.
 *
 * @param managerCode     {@code null} at the top of the hierarchy
 * @param lastWorkingDate {@code null} while not terminated
 */
record EmployeeView(String code, String name, String email, @Nullable String jobTitle, @Nullable String managerCode,
                    LocalDate hireDate, @Nullable LocalDate lastWorkingDate, long version) {

    /** From its employee item ({@link EmployeeItemFormat}). */
    static EmployeeView of(Map<String, AttributeValue> item) {
        Long version = number(item, EmployeeItemFormat.VERSION);
        return new EmployeeView(string(item, EmployeeItemFormat.CODE), string(item, EmployeeItemFormat.NAME),
                string(item, EmployeeItemFormat.EMAIL), string(item, EmployeeItemFormat.JOB_TITLE),
                string(item, EmployeeItemFormat.MANAGER_CODE), date(item, EmployeeItemFormat.HIRE_DATE),
                date(item, EmployeeItemFormat.LAST_WORKING_DATE), version == null ? 0 : version);
    }

    static LocalDate date(Map<String, AttributeValue> item, String name) {
        String stored = string(item, name);
        return stored == null || stored.isEmpty() ? null : LocalDate.parse(stored);
    }
}
