package dev.cqrs.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A query parameter the client got wrong. As an {@link ErrorResponseException} it carries its own RFC 9457 body, which
 * Spring Boot's problem-details handler ({@code spring.mvc.problemdetails.enabled}) renders as a 400 with
 * {@code instance} set to the request path: no hand-written exception handler needed.
 */
public class InvalidQueryException extends ErrorResponseException {

    public InvalidQueryException(String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
