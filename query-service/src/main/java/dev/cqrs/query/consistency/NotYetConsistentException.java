package dev.cqrs.query.consistency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The read model had not reached the version the client asked for when the wait ran out, or too many queries were
 * already waiting to let this one wait too. 503 with {@code Retry-After: 1}: the client tries again shortly instead
 * of being handed data older than its own write.
 */
public class NotYetConsistentException extends ErrorResponseException {

    public static final String RETRY_AFTER_SECONDS = "1";

    public NotYetConsistentException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Read model not yet consistent");
        return problem;
    }
}
