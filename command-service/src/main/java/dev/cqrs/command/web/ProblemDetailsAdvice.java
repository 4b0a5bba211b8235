package dev.cqrs.command.web;

import dev.cqrs.command.api.IfMatch;
import dev.cqrs.command.dispatch.CommandRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details for every error, with each invalid field listed so a client can point at it. A concurrency
 * conflict is a 409 the client may retry, never a 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream().map(this::error).toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * An endpoint with constraints on its parameters (e.g. the pattern of a path variable) is validated as a method:
     * errors in its @Valid body then arrive here rather than as MethodArgumentNotValidException, and are listed the
     * same way (body fields by their path, other parameters by their name).
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(error -> errors.add(error(error)));
            } else {
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                            "message", String.valueOf(error.getDefaultMessage())));
                }
            }
        });
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private Map<String, String> error(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    /** A refused command: 404 not found, 412 stale If-Match, 409 a rule or a lasting lock conflict. */
    @ExceptionHandler(CommandRefused.class)
    ProblemDetail refused(CommandRefused ex) {
        HttpStatus status = switch (ex.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setTitle(ex.title());
        ex.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(IfMatch.Malformed.class)
    ProblemDetail invalidIfMatch(IfMatch.Malformed ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid If-Match");
        return problem;
    }

    /**
     * A unique key another request took first (handlers map the ones they expect themselves; this is the net for any
     * race they did not foresee): the client's request lost a race, it is not a server fault.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException ex) {
        log.info("Duplicate key answered as 409: {}", ex.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another request created the same thing at the same time; re-read and retry if still needed.");
        problem.setTitle("Conflict");
        return problem;
    }

    /**
     * The write database cannot be reached or did not confirm the commit (primary down or restarting, connection pool
     * exhausted): 503 with Retry-After, not a 500, because the client's retry is the remedy. When the commit's outcome
     * is unknown, a retry with the same Idempotency-Key either replays the stored response or runs the command once.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, TransactionSystemException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
        log.warn("Write database unavailable, answered as 503: {}", ex.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The write database is unavailable; retry shortly, with the same Idempotency-Key if you sent one.");
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    /** Deadlock or lock wait timeout that outlived the dispatcher's retries (or happened outside a command). */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ProblemDetail lockConflict(PessimisticLockingFailureException ex) {
        log.info("Lock conflict answered as 409: {}", ex.getMostSpecificCause().getMessage());
        return refused(CommandRefused.busy());
    }
}
