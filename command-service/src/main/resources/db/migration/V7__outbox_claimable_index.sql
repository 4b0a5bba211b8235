-- The relay's claim and the outbox gauges look for rows with published_at IS NULL AND parked_at IS NULL, the claim in
-- id (commit) order, LIMIT one batch. ix_outbox_pending (published_at, next_attempt_at, id) cannot give id order past
-- its range column, so the optimizer walked the PRIMARY key from the oldest row instead, through every published row
-- kept for retention: measured on the local stack with 130,261 rows (10,372 pending), one claim read 118,529 rows
-- (337 ms) and each gauge scrape the whole table. With (published_at, parked_at, id) both are a ref on the two NULLs,
-- the claim reads in id order and stops at its batch: 50 rows read for the same claim. The retention delete's range on
-- published_at uses it too, so it replaces ix_outbox_pending (one index fewer to maintain on every insert and update).
ALTER TABLE outbox
    ADD INDEX ix_outbox_claimable (published_at, parked_at, id),
    DROP INDEX ix_outbox_pending;
