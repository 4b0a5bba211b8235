package dev.cqrs.projector.employee;

import dev.cqrs.contracts.DomainEvent;
import dev.cqrs.contracts.EventEnvelope;
import dev.cqrs.contracts.InvalidEventException;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import dev.cqrs.contracts.employee.EmployeeHired;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import dev.cqrs.contracts.employee.EmployeeTerminated;
import dev.cqrs.projector.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each employee event does to the read model's row: no DynamoDB. */
class EmployeeRowTest {

    private static final Instant AT = Instant.parse("2026-11-21T19:30:00Z");
    private static final EmployeeRow ACTIVE = new EmployeeRow("E1", "Ada", "ada@example.com", "Engineer", "M1",
            "2026-03-02", null, 1);

    @Test
    void aHireStartsTheRowAtVersionOneListedUnderItsManager() {
        EmployeeRow row = EmployeeRow.evolve(null, envelope(new EmployeeHired("E1", "Ada", "ada@example.com",
                "Engineer", "M1", LocalDate.parse("2026-03-02")), 1));

        assertThat(row).isEqualTo(ACTIVE);
        assertThat(row.reportsTo()).isEqualTo("M1");
    }

    @Test
    void aManagerChangeKeepsTheDetailsAndMovesTheIndexKey() {
        EmployeeRow row = EmployeeRow.evolve(ACTIVE, envelope(new EmployeeManagerChanged("E1", "M1", "M2"), 2));

        assertThat(row).isEqualTo(new EmployeeRow("E1", "Ada", "ada@example.com", "Engineer", "M2", "2026-03-02",
                null, 2));
        assertThat(row.reportsTo()).isEqualTo("M2");
        assertThat(EmployeeRow.evolve(row, envelope(new EmployeeManagerChanged("E1", "M2", null), 3)).reportsTo())
                .isNull();
    }

    @Test
    void aDetailsUpdateKeepsManagerHireDateAndState() {
        EmployeeRow row = EmployeeRow.evolve(ACTIVE, envelope(new EmployeeDetailsUpdated("E1", "Ada L", "al@example.com",
                "Lead"), 2));

        assertThat(row).isEqualTo(new EmployeeRow("E1", "Ada L", "al@example.com", "Lead", "M1", "2026-03-02", null,
                2));
    }

    @Test
    void aTerminatedEmployeeKeepsItsManagerButLeavesTheIndex() {
        EmployeeRow row = EmployeeRow.evolve(ACTIVE, envelope(new EmployeeTerminated("E1", "M1",
                LocalDate.parse("2026-12-31")), 2));

        assertThat(row.managerCode()).isEqualTo("M1");
        assertThat(row.lastWorkingDate()).isEqualTo("2026-12-31");
        assertThat(row.reportsTo()).isNull();
        assertThat(EmployeeRow.evolve(row, envelope(new EmployeeManagerChanged("E1", "M1", "M2"), 3)).reportsTo())
                .as("a later move does not bring a terminated employee back").isNull();
    }

    @Test
    void eventsThatCanNeverApplyAreInvalid() {
        assertThatThrownBy(() -> EmployeeRow.evolve(null, envelope(new EmployeeDetailsUpdated("E1", "A", "a@x.io",
                "B"), 1))).isInstanceOf(InvalidEventException.class).hasMessageContaining("not a hire");
        assertThatThrownBy(() -> EmployeeRow.evolve(null, envelope(new EmployeeHired("E1", "A", "a@x.io", "B", null,
                null), 1))).isInstanceOf(InvalidEventException.class).hasMessageContaining("no hireDate");
        assertThatThrownBy(() -> EmployeeRow.evolve(ACTIVE, envelope(new EmployeeTerminated("E1", "M1", null), 2)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("no lastWorkingDate");
    }

    private static EventEnvelope envelope(DomainEvent payload, long version) {
        return TestEvents.envelope(payload, version, AT);
    }
}
