-- Aggregates whose event could not be applied (poison): their later events are parked in the DLQ behind it, in
-- order, instead of being applied over the hole, until an operator redrives the DLQ (bin/redrive), which releases the
-- aggregate. The key is the SQS FIFO message group id, which the relay sets to the aggregate id.
CREATE TABLE parked_aggregate (
    message_group_id VARCHAR(128)  NOT NULL,
    parked_at        DATETIME(6)   NOT NULL,
    first_message_id VARCHAR(100)  NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    PRIMARY KEY (message_group_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
