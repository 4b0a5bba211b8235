-- The relay no longer holds row locks while it calls SNS. It claims rows in a short transaction by writing a lease
-- (lease_owner = a token per claim, lease_until = when another relay may take the rows over), publishes outside any
-- transaction, and marks the rows published in a second short transaction only while it still owns the lease.
-- A row that failed outbox.relay.max-attempts times is parked: parked_at is set, it stays unpublished (so later
-- events of its aggregate stay held back) and is listed by GET /api/outbox/parked until an operator retries it.
ALTER TABLE outbox
    ADD COLUMN lease_owner CHAR(36)    NULL,
    ADD COLUMN lease_until DATETIME(6) NULL,
    ADD COLUMN parked_at   DATETIME(6) NULL,
    -- the parked listing and gauge
    ADD INDEX ix_outbox_parked (parked_at);
