package dev.cqrs.command.web.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Idempotency keys in MySQL: who used which key for which request, and the response it got. A record moves
 * IN_PROGRESS → APPLIED (in the command's own transaction) → COMPLETED (response stored); every change after the
 * claim is fenced by the claim's owner token, so a request whose lease was taken over cannot touch the record.
 */
@Component
class IdempotencyStore {

    sealed interface Begin permits Started, Replay, Mismatch, InProgress, AppliedResponseLost {
    }

    /** This request holds the key under {@code owner} and runs. */
    record Started(String owner) implements Begin {
    }

    record Replay(int status, String headersJson, String body) implements Begin {
    }

    record Mismatch() implements Begin {
    }

    record InProgress() implements Begin {
    }

    /** The command committed but its holder died before storing the response: it must not run again. */
    record AppliedResponseLost() implements Begin {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    IdempotencyStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Claims the key for this request, or says why not. A key whose earlier holder's lease ran out before its command
     * committed (it crashed) or whose record expired is taken over under a new owner token.
     */
    Begin begin(String actor, String key, String fingerprint, String owner, Instant now, Duration lease,
                Duration retention) {
        try {
            jdbc.sql("""
                            INSERT INTO idempotency_key (actor, idem_key, fingerprint, state, owner, lease_until,
                                                         created_at, expires_at)
                            VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?)""")
                    .params(actor, key, fingerprint, owner, ts(now.plus(lease)), ts(now), ts(now.plus(retention)))
                    .update();
            return new Started(owner);
        } catch (DuplicateKeyException taken) {
            return transaction.execute(status -> existing(actor, key, fingerprint, owner, now, lease, retention));
        }
    }

    private Begin existing(String actor, String key, String fingerprint, String owner, Instant now, Duration lease,
                           Duration retention) {
        var row = jdbc.sql("""
                        SELECT fingerprint, state, lease_until, expires_at, response_status, response_headers,
                               response_body
                        FROM idempotency_key WHERE actor = ? AND idem_key = ? FOR UPDATE""")
                .params(actor, key).query().singleRow();
        boolean expired = instant(row.get("expires_at")).isBefore(now);
        boolean leaseOver = instant(row.get("lease_until")).isBefore(now);
        String state = (String) row.get("state");
        if (expired || ("IN_PROGRESS".equals(state) && leaseOver)) {
            jdbc.sql("""
                            UPDATE idempotency_key SET fingerprint = ?, state = 'IN_PROGRESS', owner = ?, lease_until = ?,
                                   response_status = NULL, response_headers = NULL, response_body = NULL,
                                   created_at = ?, expires_at = ?
                            WHERE actor = ? AND idem_key = ?""")
                    .params(fingerprint, owner, ts(now.plus(lease)), ts(now), ts(now.plus(retention)), actor, key)
                    .update();
            return new Started(owner);
        }
        if (!fingerprint.equals(row.get("fingerprint"))) {
            return new Mismatch();
        }
        return switch (state) {
            case "COMPLETED" -> new Replay(((Number) row.get("response_status")).intValue(),
                    (String) row.get("response_headers"), (String) row.get("response_body"));
            case "APPLIED" -> leaseOver ? new AppliedResponseLost() : new InProgress();
            default -> new InProgress();
        };
    }

    /**
     * Runs inside the command's transaction, so "the command ran" and "the key is used" commit together: a crash
     * after the commit cannot let a retry run the command again. Also locks the record until that commit, so a
     * takeover waits and then sees APPLIED. False if this owner no longer holds the key (its lease was taken over).
     */
    boolean markApplied(String actor, String key, String owner, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE idempotency_key SET state = 'APPLIED', lease_until = ?
                        WHERE actor = ? AND idem_key = ? AND owner = ? AND state = 'IN_PROGRESS'""")
                .params(ts(leaseUntil), actor, key, owner)
                .update() == 1;
    }

    void complete(String actor, String key, String owner, int status, String headersJson, String body) {
        jdbc.sql("""
                        UPDATE idempotency_key SET state = 'COMPLETED', response_status = ?, response_headers = ?,
                               response_body = ?
                        WHERE actor = ? AND idem_key = ? AND owner = ?""")
                .params(status, headersJson, body, actor, key, owner)
                .update();
    }

    /** The command did not commit (it never ran, was refused or failed): forget the key so a retry runs. */
    void release(String actor, String key, String owner) {
        jdbc.sql("DELETE FROM idempotency_key WHERE actor = ? AND idem_key = ? AND owner = ? AND state = 'IN_PROGRESS'")
                .params(actor, key, owner).update();
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
