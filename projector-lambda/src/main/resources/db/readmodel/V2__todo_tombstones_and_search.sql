-- TodoDeleted keeps the row as a tombstone: the version gate keeps working for late duplicates, and a consistency
-- token for the deletion can be answered. Queries never return tombstones.
ALTER TABLE todo_view ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE;

-- Lists filter on completed and skip tombstones, in keyset order.
CREATE INDEX todo_view_list ON todo_view (deleted, completed, created_at, id);
