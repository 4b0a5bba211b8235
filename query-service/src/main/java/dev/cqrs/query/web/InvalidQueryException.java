package dev.cqrs.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * A query input the client got wrong. As an {@link ErrorResponseException} it carries its own RFC 9457 body, which
 * {@link QueryProblems} renders as a 400 with {@code instance} set to the request path. Like every validation problem
 * of this service it lists the invalid inputs under {@code errors} ({@code field}, {@code message}).
 */
public class InvalidQueryException extends ErrorResponseException {

    public InvalidQueryException(String field, String message) {
        this(List.of(new InvalidField(field, message)));
    }

    public InvalidQueryException(List<InvalidField> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    static ProblemDetail problem(List<InvalidField> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : "The request has " + errors.size() + " invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One entry of a problem's {@code errors}: a query parameter, path variable or header, and what is wrong. */
    public record InvalidField(String field, String message) {
    }
}
