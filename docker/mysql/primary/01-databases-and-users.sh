#!/bin/bash
# MySQL primary, first start only (/docker-entrypoint-initdb.d). Creates the databases and users of
# docs/conventions.md from infra/sql/users-and-grants.sql (the one definition, mounted at /cqrs-sql; shared with the
# local stack and the AWS bootstrap task), plus the replication user. These statements are binary-logged with GTIDs,
# so both replicas receive the databases and users through replication (they start from an empty GTID set,
# SOURCE_AUTO_POSITION=1). Passwords come from the compose environment (demo values only): APP_DB_PASSWORD for
# the runtime users, MIGRATION_DB_PASSWORD for the migration users (DDL).
set -eu
sql=$(cat /cqrs-sql/users-and-grants.sql)
sql=${sql//@APP_HOST@/%}
sql=${sql//@COMMAND_DB_PASSWORD@/"$APP_DB_PASSWORD"}
sql=${sql//@COMMAND_DB_MIGRATION_PASSWORD@/"$MIGRATION_DB_PASSWORD"}
sql=${sql//@PROJECTOR_DB_PASSWORD@/"$APP_DB_PASSWORD"}
sql=${sql//@PROJECTOR_DB_MIGRATION_PASSWORD@/"$MIGRATION_DB_PASSWORD"}
sql=${sql//@QUERY_DB_PASSWORD@/"$APP_DB_PASSWORD"}
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
$sql
CREATE USER IF NOT EXISTS 'repl'@'%' IDENTIFIED BY '${REPL_PASSWORD}';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';
SQL
