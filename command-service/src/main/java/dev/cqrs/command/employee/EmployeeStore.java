package dev.cqrs.command.employee;

import dev.cqrs.command.web.CommandException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Employee rows, and the hierarchy rules every command shares: managers exist, are active, and form no cycle. */
@Component
class EmployeeStore {

    record Employee(String code, String name, String email, String jobTitle, String managerCode,
                    LocalDate lastWorkingDate, long version) {
        boolean active() {
            return lastWorkingDate == null;
        }
    }

    private final JdbcClient jdbc;

    EmployeeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises hierarchy changes so two concurrent moves cannot together build a cycle. */
    void lockHierarchy() {
        jdbc.sql("SELECT id FROM hierarchy_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    Optional<Employee> find(String code) {
        return jdbc.sql("""
                        SELECT code, name, email, job_title, manager_code, last_working_date, version
                        FROM employee WHERE code = ? FOR UPDATE""")
                .param(code)
                .query((rs, n) -> new Employee(rs.getString("code"), rs.getString("name"), rs.getString("email"),
                        rs.getString("job_title"), rs.getString("manager_code"),
                        rs.getObject("last_working_date", LocalDate.class), rs.getLong("version")))
                .optional();
    }

    Employee loadForChange(String code, OptionalLong expectedVersion) {
        Employee employee = find(code).orElseThrow(() -> CommandException.notFound("employee", code));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != employee.version()) {
            throw CommandException.staleVersion("employee", code, expectedVersion.getAsLong(), employee.version());
        }
        return employee;
    }

    /** 409 unless the manager exists and is active. */
    void requireActiveManager(String managerCode) {
        Employee manager = find(managerCode).orElseThrow(() -> CommandException.conflict("Unknown manager",
                "Manager " + managerCode + " does not exist"));
        if (!manager.active()) {
            throw CommandException.conflict("Inactive manager", "Manager " + managerCode + " has left");
        }
    }

    /** 409 if {@code code} would report to itself or to someone in its own reporting chain. */
    void requireNoCycle(String code, String newManagerCode) {
        String current = newManagerCode;
        for (int depth = 0; current != null; depth++) {
            if (current.equals(code)) {
                throw CommandException.conflict("Reporting cycle", newManagerCode.equals(code)
                        ? code + " cannot report to themselves"
                        : code + " cannot report to " + newManagerCode + ", who reports (indirectly) to " + code);
            }
            if (depth > 10_000) {
                throw new IllegalStateException("reporting chain of " + newManagerCode + " does not end");
            }
            current = jdbc.sql("SELECT manager_code FROM employee WHERE code = ?").param(current)
                    .query(String.class).optional().orElse(null);
        }
    }

    /** Codes of the active employees who report directly to {@code managerCode}, in code order. */
    List<String> activeReportees(String managerCode) {
        return jdbc.sql("""
                        SELECT code FROM employee WHERE manager_code = ? AND last_working_date IS NULL
                        ORDER BY code""")
                .param(managerCode).query(String.class).list();
    }

    /**
     * Inserts the new employee; 409 if the code is taken. The primary key decides, not a prior SELECT ... FOR UPDATE:
     * locking a row that does not exist yet takes a gap lock, and two hires of one new code then deadlock on their
     * inserts. A plain INSERT makes the second wait for the first and then fail with a duplicate key.
     */
    void insert(EmployeeCommands.HireEmployee hire, Instant now) {
        try {
            jdbc.sql("""
                            INSERT INTO employee (code, name, email, job_title, manager_code, hire_date, version,
                                                  created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)""")
                    .params(hire.code(), hire.name(), hire.email(), hire.jobTitle(), hire.managerCode(),
                            Date.valueOf(hire.hireDate()), Timestamp.from(now), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw CommandException.conflict("Employee exists", "An employee with code " + hire.code() + " exists");
        }
    }

    /** Writes every mutable column and bumps the version; returns the new version. */
    long save(Employee employee, Instant now) {
        long next = employee.version() + 1;
        jdbc.sql("""
                        UPDATE employee SET name = ?, email = ?, job_title = ?, manager_code = ?,
                                            last_working_date = ?, version = ?, updated_at = ?
                        WHERE code = ?""")
                .params(employee.name(), employee.email(), employee.jobTitle(), employee.managerCode(),
                        employee.lastWorkingDate() == null ? null : Date.valueOf(employee.lastWorkingDate()),
                        next, Timestamp.from(now), employee.code())
                .update();
        return next;
    }
}
