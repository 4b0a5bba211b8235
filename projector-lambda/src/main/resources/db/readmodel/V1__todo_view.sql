-- Read model of todos, owned by projector-lambda (the only writer) and read by query-service through the replicas.
-- Shape agreed in docs/conventions.md. DATETIME(6) keeps the microseconds of the events' instants; both writer and
-- readers use UTC sessions, so a stored value is the instant's UTC wall-clock time.
CREATE TABLE todo_view (
    id            CHAR(36)      NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    description   VARCHAR(2000) NULL,
    completed     BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    -- aggregate version of the last applied event: the projector applies an event only if it is newer
    version       BIGINT        NOT NULL,
    last_event_id CHAR(36)      NOT NULL,
    PRIMARY KEY (id),
    -- lists are served newest/oldest first with keyset paging on (created_at, id)
    INDEX todo_view_created_at (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
