package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.TerminateEmployee;
import dev.cqrs.command.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Reads the active reportees after taking the hierarchy lock (no move can add one) and the employee's row lock (which
 * waits for the hires under them, each holding a shared lock on it, and then keeps new ones out), so the list stays
 * true until the commit.
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
