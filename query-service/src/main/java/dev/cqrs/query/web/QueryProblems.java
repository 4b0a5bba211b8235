package dev.cqrs.query.web;

import dev.cqrs.query.web.InvalidQueryException.InvalidField;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/**
 * RFC 9457 problem details for every error Spring MVC raises (this replaces Spring Boot's own problem-details
 * handler, which is the same base class), with the invalid inputs listed under {@code errors} so a client can point
 * at each one: Bean Validation on query parameters, path variables and headers, values of the wrong type, missing
 * ones. Same {@code errors} shape as the command service's.
 */
@RestControllerAdvice
class QueryProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<InvalidField> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(inputName(result.getMethodParameter()),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return handleExceptionInternal(ex, InvalidQueryException.problem(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? inputName(mismatch.getParameter()) : String.valueOf(ex.getPropertyName());
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        List<InvalidField> errors = List.of(new InvalidField(field,
                "must be of type " + expected + ", was '" + ex.getValue() + "'"));
        return handleExceptionInternal(ex, InvalidQueryException.problem(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        List<InvalidField> errors = List.of(new InvalidField(ex.getParameterName(), "is required"));
        return handleExceptionInternal(ex, InvalidQueryException.problem(errors), headers, status, request);
    }

    /** The name the client used: the request parameter's or header's, else the Java parameter's. */
    private static String inputName(org.springframework.core.MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return String.valueOf(parameter.getParameterName());
    }
}
