package dev.cqrs.query.employee;

import dev.cqrs.query.consistency.NotYetConsistentException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows managerCode one GetItem per level, up to {@link #MAX_DEPTH} levels. The projector applies events of
 * different employees in any order, so the read model can be caught mid-way: a manager whose hire is not projected
 * yet, or, while two manager changes cross, a loop. Both are answered as 503 with Retry-After rather than as a wrong
 * chain (the write model refuses cycles, so a loop can only be such a passing state).
 */
@Component
class GetManagementChainHandler {

    static final int MAX_DEPTH = 50;

    private final EmployeeReads reads;

    GetManagementChainHandler(EmployeeReads reads) {
        this.reads = reads;
    }

    ManagementChain handle(GetManagementChain query) {
        EmployeeView employee = reads.employee(query.code(), false)
                .orElseThrow(() -> new EmployeeNotFoundException(query.code()));
        Set<String> seen = new HashSet<>(List.of(employee.code()));
        List<EmployeeView> managers = new ArrayList<>();
        String next = employee.managerCode();
        while (next != null && !next.isEmpty()) {
            if (managers.size() == MAX_DEPTH) {
                return new ManagementChain(query.code(), List.copyOf(managers), true);
            }
            if (!seen.add(next)) {
                throw new NotYetConsistentException("The management chain of " + query.code()
                        + " loops at " + next + " while manager changes are being applied; try again");
            }
            String code = next;
            Optional<EmployeeView> manager = reads.employee(code, false);
            if (manager.isEmpty()) {
                throw new NotYetConsistentException("The management chain of " + query.code() + " names manager "
                        + code + ", not in the read model yet; try again");
            }
            managers.add(manager.get());
            next = manager.get().managerCode();
        }
        return new ManagementChain(query.code(), List.copyOf(managers), false);
    }
}
