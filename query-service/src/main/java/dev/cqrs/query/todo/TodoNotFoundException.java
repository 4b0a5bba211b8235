package dev.cqrs.query.todo;

import dev.cqrs.query.replica.Served;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No todo with that id in the read model (yet: the projection may lag the command). Rendered as a 404 problem
 * detail by Spring Boot's problem-details handler, still naming the replica that was asked.
 */
class TodoNotFoundException extends ErrorResponseException {

    TodoNotFoundException(String id, long servedBy) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No todo with id " + id),
                null);
        getHeaders().set(Served.HEADER, Long.toString(servedBy));
    }
}
