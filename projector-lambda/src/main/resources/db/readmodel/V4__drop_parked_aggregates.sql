-- The parked-aggregate marks of V3 are gone: the projector dead-letters an event while its aggregate's read model has
-- a version gap (the earlier event left through the DLQ), so the gap itself is the parked state and a redrive has
-- nothing to release. Kept marks could send the missing event back to the DLQ behind a later one after a redrive.
DROP TABLE IF EXISTS parked_aggregate;
