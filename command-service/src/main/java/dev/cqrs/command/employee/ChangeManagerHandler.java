package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.ChangeManager;
import dev.cqrs.command.outbox.Outbox;
import dev.cqrs.command.web.CommandException;
import dev.cqrs.contracts.employee.EmployeeManagerChanged;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Objects;

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
        EmployeeStore.Employee e = store.loadForChange(command.code(), command.expectedVersion());
        if (!e.active()) {
            throw CommandException.conflict("Employee has left", e.code() + " has left; their manager is final");
        }
        if (Objects.equals(e.managerCode(), command.managerCode())) {
            throw CommandException.conflict("Same manager", e.code() + " already reports to " + command.managerCode());
        }
        if (command.managerCode() != null) {
            store.requireNoCycle(e.code(), command.managerCode());
            store.requireActiveManager(command.managerCode());
        }
        Instant now = outbox.now();
        long version = store.save(new EmployeeStore.Employee(e.code(), e.name(), e.email(), e.jobTitle(),
                command.managerCode(), e.lastWorkingDate(), e.version()), now);
        outbox.append(new EmployeeManagerChanged(e.code(), e.managerCode(), command.managerCode()), version, now);
        return new EmployeeVersion(e.code(), version);
    }
}
