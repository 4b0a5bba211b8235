#!/bin/bash
# Healthy when both replication threads run (used by docker-compose.yml for the replicas).
status=$(mysql -h127.0.0.1 -uroot -p"${MYSQL_ROOT_PASSWORD}" -e 'SHOW REPLICA STATUS\G' 2>/dev/null) || exit 1
grep -q 'Replica_IO_Running: Yes' <<<"$status" && grep -q 'Replica_SQL_Running: Yes' <<<"$status"
