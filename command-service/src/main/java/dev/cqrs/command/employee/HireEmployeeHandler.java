package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.HireEmployee;
import dev.cqrs.command.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Reads the named manager under a shared row lock, so they cannot be terminated before the commit while other hires
 * under them go on. No hierarchy lock: a new employee has no reportees, so hiring cannot close a cycle.
 */
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
        Change<Employee> hired = Employee.hire(hire, store.findShared(hire.managerCode()), outbox.now());
        store.insert(hired);
        outbox.append(hired);
        return EmployeeVersion.of(hired.state());
    }
}
