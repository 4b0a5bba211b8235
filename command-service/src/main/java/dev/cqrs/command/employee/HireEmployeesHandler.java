package dev.cqrs.command.employee;

import dev.cqrs.command.dispatch.CommandHandler;
import dev.cqrs.command.employee.EmployeeCommands.HireEmployees;
import dev.cqrs.command.dispatch.CommandRefused;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Hires in order inside the dispatcher's single transaction: the first refusal aborts the batch, so the whole
 * transaction rolls back and no one is hired. The refusal is the row's own, its detail prefixed with
 * {@code employees[i]: } and its {@code index} added as a property.
 */
@Component
class HireEmployeesHandler implements CommandHandler<HireEmployees, List<EmployeeVersion>> {

    private final HireEmployeeHandler hireOne;

    HireEmployeesHandler(HireEmployeeHandler hireOne) {
        this.hireOne = hireOne;
    }

    @Override
    public List<EmployeeVersion> handle(HireEmployees batch) {
        List<EmployeeVersion> hired = new ArrayList<>();
        for (int i = 0; i < batch.employees().size(); i++) {
            try {
                hired.add(hireOne.handle(batch.employees().get(i)));
            } catch (CommandRefused refused) {
                var wrapped = new CommandRefused(refused.reason(), refused.title(),
                        "employees[" + i + "]: " + refused.getMessage() + "; no one in the batch was hired");
                refused.properties().forEach(wrapped::with);
                throw wrapped.with("index", i);
            }
        }
        return hired;
    }
}
