package dev.cqrs.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A store that cannot be reached is the service's trouble, not the client's: 503 as a problem detail (instead of
 * Spring's plain JSON error page), with the cause logged here and kept out of the response. Client errors are
 * {@link org.springframework.web.ErrorResponseException}s and rendered by Spring Boot's problem-details handler.
 */
@RestControllerAdvice
class BackendProblems {

    private static final Logger LOG = LoggerFactory.getLogger(BackendProblems.class);

    @ExceptionHandler(DataAccessException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ProblemDetail readModelUnavailable(DataAccessException e) {
        LOG.error("Read model query failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The read model is unavailable");
    }

    @ExceptionHandler(SdkException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ProblemDetail dynamoDbUnavailable(SdkException e, HttpServletRequest request) {
        boolean employees = request.getRequestURI().startsWith("/api/employees");
        LOG.error("{} table query failed", employees ? "Employees" : "Audit", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                employees ? "The employees read model is unavailable" : "The audit trail is unavailable");
    }
}
