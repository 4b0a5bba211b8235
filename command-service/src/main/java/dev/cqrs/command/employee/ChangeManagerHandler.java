package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.ChangeManager;
import dev.cqrs.command.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Reads the new manager's reporting chain and the new manager under the hierarchy lock, so no concurrent move can
 * make the cycle check stale before the commit.
 */
@Component
class ChangeManagerHandler implements CommandHandler<ChangeManager, EmployeeVersion> {

    private final EmployeeStore store;
    private final Outbox outbox;

    ChangeManagerHandler(EmployeeStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public EmployeeVersion handle(ChangeManager command) {
        store.lockHierarchy();
        Employee employee = store.loadForChange(command.code(), command.expectedVersion());
        String newManager = command.managerCode();
        Change<Employee> change = employee.changeManager(newManager, store.chainUpFrom(newManager),
                store.find(newManager), outbox.now());
        store.save(change);
        outbox.append(change);
        return EmployeeVersion.of(change.state());
    }
}
