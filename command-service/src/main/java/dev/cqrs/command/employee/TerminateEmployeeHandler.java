package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.TerminateEmployee;
import dev.cqrs.command.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Reads the active reportees under the hierarchy lock, taken by every command that can give someone a manager, so the
 * list stays true until the commit.
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
        Employee employee = store.loadForChange(command.code(), command.expectedVersion());
        Change<Employee> change = employee.terminate(command.lastWorkingDate(),
                store.activeReportees(employee.code()), outbox.now());
        store.save(change);
        outbox.append(change);
        return EmployeeVersion.of(change.state());
    }
}
