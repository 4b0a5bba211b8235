-- Write model of todos. created_at is written once and never updated.
CREATE TABLE todo (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    title       VARCHAR(200)  NOT NULL,
    description VARCHAR(2000) NULL,
    completed   BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL
) ENGINE = InnoDB;

-- Transactional outbox: one row per event, inserted in the same transaction as the entity change.
-- The relay claims unpublished rows with FOR UPDATE SKIP LOCKED and marks them published once SNS accepted them.
CREATE TABLE outbox (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id          CHAR(36)      NOT NULL,
    event_type        VARCHAR(100)  NOT NULL,
    aggregate_type    VARCHAR(50)   NOT NULL,
    aggregate_id      VARCHAR(64)   NOT NULL,
    aggregate_version BIGINT        NOT NULL,
    body              MEDIUMTEXT    NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    published_at      DATETIME(6)   NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    next_attempt_at   DATETIME(6)   NOT NULL,
    last_error        VARCHAR(1000) NULL,
    CONSTRAINT uq_outbox_event UNIQUE (event_id),
    CONSTRAINT uq_outbox_aggregate_version UNIQUE (aggregate_type, aggregate_id, aggregate_version),
    -- the relay's claim: pending rows in commit order
    INDEX ix_outbox_pending (published_at, next_attempt_at, id),
    -- "is an earlier event of this aggregate still pending?" keeps per-aggregate order
    INDEX ix_outbox_aggregate_pending (aggregate_id, published_at, id)
) ENGINE = InnoDB;
