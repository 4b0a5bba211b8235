-- The W3C Trace Context (https://www.w3.org/TR/trace-context/) of the command that appended the event, as its
-- `traceparent` header value (00-<trace id>-<span id>-<flags>, 55 characters). The relay continues that trace when it
-- publishes the row, hours later if need be, and sends the header on as the SNS message attribute `traceparent`,
-- so the consumers' spans join the command's trace. NULL: appended outside any trace (the relay starts a new one).
ALTER TABLE outbox
    ADD COLUMN traceparent VARCHAR(55) CHARACTER SET ascii NULL;
