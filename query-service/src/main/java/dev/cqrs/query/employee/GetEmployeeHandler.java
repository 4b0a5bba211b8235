package dev.cqrs.query.employee;

import dev.cqrs.query.consistency.ReadYourWrites;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * One GetItem; with a consistency token, strongly consistent GetItems until the item's version has reached it (or
 * the wait runs out: 503).
 */
@Component
class GetEmployeeHandler {

    private final EmployeeReads reads;
    private final ReadYourWrites readYourWrites;

    GetEmployeeHandler(EmployeeReads reads, ReadYourWrites readYourWrites) {
        this.reads = reads;
        this.readYourWrites = readYourWrites;
    }

    Optional<EmployeeView> handle(GetEmployee query) {
        return query.atLeast() == null
                ? reads.employee(query.code(), false)
                : readYourWrites.await(() -> reads.employee(query.code(), true),
                        answer -> answer.filter(employee -> query.atLeast().isReachedBy(employee.version()))
                                .isPresent(),
                        "employee " + query.code());
    }
}
