package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.HireEmployee;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.contracts.employee.EmployeeHired;
import org.springframework.stereotype.Component;

import java.time.Instant;

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
            store.requireActiveManager(hire.managerCode());
        }
        Instant now = outbox.now();
        store.insert(hire, now);
        outbox.append(new EmployeeHired(hire.code(), hire.name(), hire.email(), hire.jobTitle(), hire.managerCode(),
                hire.hireDate()), 1, now);
        return new EmployeeVersion(hire.code(), 1);
    }
}
