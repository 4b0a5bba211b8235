package dev.cqrs.query.employee;

import java.time.LocalDate;

/**
 * One employee as the API shows it.
 *
 * @param managerCode     {@code null} at the top of the hierarchy
 * @param lastWorkingDate {@code null} while not terminated
 */
record EmployeeView(String code, String name, String email, String jobTitle, String managerCode, LocalDate hireDate,
                    LocalDate lastWorkingDate, long version) {

    static EmployeeView of(EmployeeItem item) {
        return new EmployeeView(item.getCode(), item.getName(), item.getEmail(), item.getJobTitle(),
                item.getManagerCode(), date(item.getHireDate()), date(item.getLastWorkingDate()),
                item.getVersion() == null ? 0 : item.getVersion());
    }

    private static LocalDate date(String stored) {
        return stored == null || stored.isEmpty() ? null : LocalDate.parse(stored);
    }
}
