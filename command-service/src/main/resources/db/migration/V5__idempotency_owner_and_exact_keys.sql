-- Idempotency keys and caller ids are compared byte for byte (they were case-insensitive through the table's
-- collation, so 'Order-7F' replayed the response of 'order-7f'). Both are visible ASCII by validation.
-- owner fences a record: only the request that holds it (a fresh token per attempt, also after a lease takeover)
-- may mark it applied, complete or release it. state gains APPLIED: the command committed (written in the command's
-- own transaction), its response is not stored yet.
ALTER TABLE idempotency_key
    MODIFY actor    VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    MODIFY idem_key VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ADD COLUMN owner CHAR(36) NULL;
