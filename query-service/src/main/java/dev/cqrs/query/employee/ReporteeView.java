package dev.cqrs.query.employee;

import jakarta.annotation.Nullable;
import dev.cqrs.contracts.store.EmployeeItemFormat;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.Map;

import static dev.cqrs.query.dynamodb.ItemAttributes.number;
import static dev.cqrs.query.dynamodb.ItemAttributes.string;

/** One active direct reportee, from its employee item as the {@code byManager} index returns it. */
record ReporteeView(String code, String name, String email, @Nullable String jobTitle, LocalDate hireDate, long version) {

    static ReporteeView of(Map<String, AttributeValue> item) {
        Long version = number(item, EmployeeItemFormat.VERSION);
        return new ReporteeView(string(item, EmployeeItemFormat.CODE), string(item, EmployeeItemFormat.NAME),
                string(item, EmployeeItemFormat.EMAIL), string(item, EmployeeItemFormat.JOB_TITLE),
                EmployeeView.date(item, EmployeeItemFormat.HIRE_DATE), version == null ? 0 : version);
    }
}
