package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.UpdateEmployeeDetails;
import dev.cqrs.command.outbox.Outbox;
import org.springframework.stereotype.Component;

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
        Employee employee = store.loadForChange(command.code(), command.expectedVersion());
        Change<Employee> change = employee.updateDetails(command.name(), command.email(), command.jobTitle(),
                outbox.now());
        store.save(change);
        outbox.append(change);
        return EmployeeVersion.of(change.state());
    }
}
