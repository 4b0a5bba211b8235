package dev.cqrs.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fault matrix found answered as 500 (the primary killed mid-commit, the connection pool exhausted) is a
 * 503 problem detail with Retry-After: the client's retry is the remedy, not a bug report.
 */
class DatabaseUnavailableTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void anUnreachableOrUnconfirmingWriteDatabaseIsA503WithRetryAfter() {
        for (Exception cause : List.of(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                new TransactionSystemException("Could not commit JDBC transaction"),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("timeout")))) {
            ResponseEntity<ProblemDetail> response = advice.databaseUnavailable(cause);

            assertThat(response.getStatusCode()).as(cause.getClass().getSimpleName())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(response.getBody()).isNotNull();
            assertThat(response.getBody().getStatus()).isEqualTo(503);
            assertThat(response.getBody().getDetail()).contains("Idempotency-Key");
        }
    }
}
