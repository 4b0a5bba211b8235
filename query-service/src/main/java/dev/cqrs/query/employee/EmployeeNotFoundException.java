package dev.cqrs.query.employee;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No employee with that code in the read model (yet: the projection may lag the command). A 404 problem detail. */
class EmployeeNotFoundException extends ErrorResponseException {

    EmployeeNotFoundException(String code) {
        super(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No employee with code " + code), null);
    }
}
