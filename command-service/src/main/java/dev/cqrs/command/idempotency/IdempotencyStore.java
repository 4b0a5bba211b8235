package dev.cqrs.command.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Idempotency keys in MySQL: who used which key for which request, and the response it got. */
@Component
class IdempotencyStore {

    sealed interface Begin permits Started, Replay, Mismatch, InProgress {
    }

    record Started() implements Begin {
    }

    record Replay(int status, String headersJson, String body) implements Begin {
    }

    record Mismatch() implements Begin {
    }

    record InProgress() implements Begin {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    IdempotencyStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Claims the key for this request, or says why not. A key whose earlier holder's lease ran out (it crashed) or
     * whose record expired is taken over.
     */
    Begin begin(String actor, String key, String fingerprint, Instant now, Duration lease, Duration retention) {
        try {
            jdbc.sql("""
                            INSERT INTO idempotency_key (actor, idem_key, fingerprint, state, lease_until, created_at,
                                                         expires_at)
                            VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?, ?)""")
                    .params(actor, key, fingerprint, ts(now.plus(lease)), ts(now), ts(now.plus(retention)))
                    .update();
            return new Started();
        } catch (DuplicateKeyException taken) {
            return transaction.execute(status -> existing(actor, key, fingerprint, now, lease, retention));
        }
    }

    private Begin existing(String actor, String key, String fingerprint, Instant now, Duration lease,
                           Duration retention) {
        var row = jdbc.sql("""
                        SELECT fingerprint, state, lease_until, expires_at, response_status, response_headers,
                               response_body
                        FROM idempotency_key WHERE actor = ? AND idem_key = ? FOR UPDATE""")
                .params(actor, key).query().singleRow();
        boolean expired = instant(row.get("expires_at")).isBefore(now);
        boolean leaseOver = instant(row.get("lease_until")).isBefore(now);
        boolean completed = "COMPLETED".equals(row.get("state"));
        if (expired || (!completed && leaseOver)) {
            jdbc.sql("""
                            UPDATE idempotency_key SET fingerprint = ?, state = 'IN_PROGRESS', lease_until = ?,
                                   response_status = NULL, response_headers = NULL, response_body = NULL,
                                   created_at = ?, expires_at = ?
                            WHERE actor = ? AND idem_key = ?""")
                    .params(fingerprint, ts(now.plus(lease)), ts(now), ts(now.plus(retention)), actor, key)
                    .update();
            return new Started();
        }
        if (!fingerprint.equals(row.get("fingerprint"))) {
            return new Mismatch();
        }
        if (!completed) {
            return new InProgress();
        }
        return new Replay(((Number) row.get("response_status")).intValue(), (String) row.get("response_headers"),
                (String) row.get("response_body"));
    }

    void complete(String actor, String key, int status, String headersJson, String body) {
        jdbc.sql("""
                        UPDATE idempotency_key SET state = 'COMPLETED', response_status = ?, response_headers = ?,
                               response_body = ?
                        WHERE actor = ? AND idem_key = ?""")
                .params(status, headersJson, body, actor, key)
                .update();
    }

    /** The request failed without a definite answer (5xx): forget the key so a retry runs again. */
    void release(String actor, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE actor = ? AND idem_key = ? AND state = 'IN_PROGRESS'")
                .params(actor, key).update();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < ? LIMIT 1000").param(ts(now)).update();
    }

    private static Instant instant(Object utcDateTime) {
        return ((LocalDateTime) utcDateTime).toInstant(ZoneOffset.UTC);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
