package dev.cqrs.query.employee;

import java.time.LocalDate;

/** One active direct reportee, from its employee item as the {@code byManager} index returns it. */
record ReporteeView(String code, String name, String email, String jobTitle, LocalDate hireDate, long version) {

    static ReporteeView of(EmployeeItem item) {
        return new ReporteeView(item.getCode(), item.getName(), item.getEmail(), item.getJobTitle(),
                item.getHireDate() == null || item.getHireDate().isEmpty() ? null
                        : LocalDate.parse(item.getHireDate()),
                item.getVersion() == null ? 0 : item.getVersion());
    }
}
