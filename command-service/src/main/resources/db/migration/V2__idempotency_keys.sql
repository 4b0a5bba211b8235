-- Idempotency-Key records: the first request with a key runs; repeats get its stored response.
-- A request still running holds a lease; a lease that ran out (the instance died) may be taken over.
CREATE TABLE idempotency_key (
    actor            VARCHAR(100)  NOT NULL,
    idem_key         VARCHAR(200)  NOT NULL,
    fingerprint      CHAR(64)      NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    lease_until      DATETIME(6)   NOT NULL,
    response_status  INT           NULL,
    response_headers TEXT          NULL,
    response_body    MEDIUMTEXT    NULL,
    created_at       DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (actor, idem_key),
    INDEX ix_idempotency_expiry (expires_at)
) ENGINE = InnoDB;
