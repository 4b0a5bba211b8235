package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.TerminateEmployee;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.web.CommandException;
import dev.cqrs.contracts.employee.EmployeeTerminated;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Sets the last working date. A manager with active direct reportees cannot be terminated (409 listing their codes in
 * {@code activeReportees}): they would be left reporting to someone inactive, so the client moves them first. The
 * hierarchy lock, taken by every command that can give someone a manager, keeps that list true until the commit.
 */
@Component
class TerminateEmployeeHandler implements CommandHandler<TerminateEmployee, EmployeeVersion> {

    private final EmployeeStore store;
    private final Outbox outbox;

    TerminateEmployeeHandler(EmployeeStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public EmployeeVersion handle(TerminateEmployee command) {
        store.lockHierarchy();
        EmployeeStore.Employee e = store.loadForChange(command.code(), command.expectedVersion());
        if (!e.active()) {
            throw CommandException.conflict("Employee has left", e.code() + " left on " + e.lastWorkingDate());
        }
        List<String> reportees = store.activeReportees(e.code());
        if (!reportees.isEmpty()) {
            throw CommandException.conflict("Active reportees", e.code() + " still manages " + reportees.size()
                            + " active employee(s): " + String.join(", ", reportees)
                            + "; give them another manager first")
                    .with("activeReportees", reportees);
        }
        Instant now = outbox.now();
        long version = store.save(new EmployeeStore.Employee(e.code(), e.name(), e.email(), e.jobTitle(),
                e.managerCode(), command.lastWorkingDate(), e.version()), now);
        outbox.append(new EmployeeTerminated(e.code(), e.managerCode(), command.lastWorkingDate()), version, now);
        return new EmployeeVersion(e.code(), version);
    }
}
