package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.HireEmployee;
import dev.cqrs.command.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Reads the named manager under the hierarchy lock (so they cannot leave before the commit); no manager, no lock. */
@Component
class HireEmployeeHandler implements CommandHandler<HireEmployee, EmployeeVersion> {

    private final EmployeeStore store;
    private final Outbox outbox;

    HireEmployeeHandler(EmployeeStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public EmployeeVersion handle(HireEmployee hire) {
        if (hire.managerCode() != null) {
            store.lockHierarchy();
        }
        Change<Employee> hired = Employee.hire(hire, store.find(hire.managerCode()), outbox.now());
        store.insert(hired);
        outbox.append(hired);
        return EmployeeVersion.of(hired.state());
    }
}
