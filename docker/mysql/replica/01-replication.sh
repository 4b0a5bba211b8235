#!/bin/bash
# MySQL replica, first start only (/docker-entrypoint-initdb.d). GTID auto-positioning from the primary, which
# compose starts (healthy) first. The replica then becomes read-only; SET PERSIST survives restarts.
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CHANGE REPLICATION SOURCE TO
  SOURCE_HOST='${SOURCE_HOST}',
  SOURCE_PORT=3306,
  SOURCE_USER='repl',
  SOURCE_PASSWORD='${REPL_PASSWORD}',
  SOURCE_AUTO_POSITION=1,
  SOURCE_SSL=1,
  SOURCE_CONNECT_RETRY=5,
  SOURCE_RETRY_COUNT=10000;
START REPLICA;
SET PERSIST read_only = ON;
SET PERSIST super_read_only = ON;
SQL
