package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.UpdateEmployeeDetails;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.contracts.employee.EmployeeDetailsUpdated;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class UpdateEmployeeDetailsHandler implements CommandHandler<UpdateEmployeeDetails, EmployeeVersion> {

    private final EmployeeStore store;
    private final Outbox outbox;

    UpdateEmployeeDetailsHandler(EmployeeStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public EmployeeVersion handle(UpdateEmployeeDetails command) {
        EmployeeStore.Employee e = store.loadForChange(command.code(), command.expectedVersion());
        Instant now = outbox.now();
        long version = store.save(new EmployeeStore.Employee(e.code(), command.name(), command.email(),
                command.jobTitle(), e.managerCode(), e.lastWorkingDate(), e.version()), now);
        outbox.append(new EmployeeDetailsUpdated(e.code(), command.name(), command.email(), command.jobTitle()),
                version, now);
        return new EmployeeVersion(e.code(), version);
    }
}
