package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.ChangeManager;
import dev.cqrs.command.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads the new manager's reporting chain under the hierarchy lock, so no concurrent move can make the cycle check
 * stale before the commit, and the new manager under a shared row lock (hires under them go on meanwhile).
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
        // The new manager first: their row lock waits for a hire of them still in flight, so the chain (a plain read,
        // whose snapshot starts here) already sees them and their manager; read the other way round, a move to an
        // employee being hired under the mover's own reportee would close a cycle unseen.
        Optional<Employee> newManagerAsStored = store.findShared(newManager);
        Change<Employee> change = employee.changeManager(newManager, store.chainUpFrom(newManager),
                newManagerAsStored, outbox.now());
        store.save(change);
        outbox.append(change);
        return EmployeeVersion.of(change.state());
    }
}
