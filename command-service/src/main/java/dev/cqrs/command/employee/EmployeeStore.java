package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandRefused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code employee} table of the write model, and the facts the hierarchy rules of {@link Employee} need: an
 * employee as stored, a reporting chain, the active reportees. Commands that can give someone a manager or take one
 * away read those facts under {@link #lockHierarchy()}, so they stay true until the commit.
 */
@Component
class EmployeeStore {

    private final JdbcClient jdbc;

    EmployeeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises hierarchy changes so two concurrent moves cannot together build a cycle. */
    void lockHierarchy() {
        jdbc.sql("SELECT id FROM hierarchy_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    /** The employee, row-locked until the commit; empty if there is none (or {@code code} is null: no query). */
    Optional<Employee> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT code, name, email, job_title, manager_code, hire_date, last_working_date, version
                        FROM employee WHERE code = ? FOR UPDATE""")
                .param(code)
                .query((rs, n) -> new Employee(rs.getString("code"), rs.getString("name"), rs.getString("email"),
                        rs.getString("job_title"), rs.getString("manager_code"),
                        rs.getObject("hire_date", LocalDate.class), rs.getObject("last_working_date", LocalDate.class),
                        rs.getLong("version")))
                .optional();
    }

    /** The employee, locked, after checking the client's expected version (412 if stale, 404 if absent). */
    Employee loadForChange(String code, OptionalLong expectedVersion) {
        Employee employee = find(code).orElseThrow(() -> CommandRefused.notFound("employee", code));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != employee.version()) {
            throw CommandRefused.staleVersion("employee", code, expectedVersion.getAsLong(), employee.version());
        }
        return employee;
    }

    /**
     * {@code code}, then the code of their manager, and so on up to the top of the hierarchy; empty for null. A code
     * that does not exist ends the chain after itself.
     */
    List<String> chainUpFrom(String code) {
        List<String> chain = new ArrayList<>();
        for (String current = code; current != null; ) {
            if (chain.size() > 10_000) {
                throw new IllegalStateException("reporting chain of " + code + " does not end");
            }
            chain.add(current);
            current = jdbc.sql("SELECT manager_code FROM employee WHERE code = ?").param(current)
                    .query(String.class).optional().orElse(null);
        }
        return chain;
    }

    /** Codes of the active employees who report directly to {@code managerCode}, in code order. */
    List<String> activeReportees(String managerCode) {
        return jdbc.sql("""
                        SELECT code FROM employee WHERE manager_code = ? AND last_working_date IS NULL
                        ORDER BY code""")
                .param(managerCode).query(String.class).list();
    }

    /**
     * Inserts a hired employee; 409 "Employee exists" if the code is taken. The primary key decides, not a prior
     * SELECT ... FOR UPDATE: locking a row that does not exist yet takes a gap lock, and two hires of one new code then
     * deadlock on their inserts. A plain INSERT makes the second wait for the first and then fail with a duplicate key.
     */
    void insert(Change<Employee> hired) {
        Employee e = hired.state();
        Timestamp at = Timestamp.from(hired.at());
        try {
            jdbc.sql("""
                            INSERT INTO employee (code, name, email, job_title, manager_code, hire_date, version,
                                                  created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(e.code(), e.name(), e.email(), e.jobTitle(), e.managerCode(), Date.valueOf(e.hireDate()),
                            e.version(), at, at)
                    .update();
        } catch (DuplicateKeyException taken) {
            throw CommandRefused.conflict("Employee exists", "An employee with code " + e.code() + " exists");
        }
    }

    /** Writes every mutable column of the changed state and its version. */
    void save(Change<Employee> change) {
        Employee e = change.state();
        jdbc.sql("""
                        UPDATE employee SET name = ?, email = ?, job_title = ?, manager_code = ?,
                                            last_working_date = ?, version = ?, updated_at = ?
                        WHERE code = ?""")
                .params(e.name(), e.email(), e.jobTitle(), e.managerCode(),
                        e.lastWorkingDate() == null ? null : Date.valueOf(e.lastWorkingDate()),
                        e.version(), Timestamp.from(change.at()), e.code())
                .update();
    }
}
