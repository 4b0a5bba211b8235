#!/bin/bash
# MySQL primary, first start only (/docker-entrypoint-initdb.d). Creates the databases and users of
# docs/conventions.md plus the replication user. These statements are binary-logged with GTIDs, so both replicas
# receive the databases and users through replication (they start from an empty GTID set, SOURCE_AUTO_POSITION=1).
# Passwords come from the compose environment (demo values only).
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS command_db;
CREATE DATABASE IF NOT EXISTS read_db;
CREATE USER IF NOT EXISTS 'command_svc'@'%' IDENTIFIED BY '${APP_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON command_db.* TO 'command_svc'@'%';
CREATE USER IF NOT EXISTS 'projector'@'%' IDENTIFIED BY '${APP_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON read_db.* TO 'projector'@'%';
CREATE USER IF NOT EXISTS 'query_svc'@'%' IDENTIFIED BY '${APP_DB_PASSWORD}';
GRANT SELECT ON read_db.* TO 'query_svc'@'%';
CREATE USER IF NOT EXISTS 'repl'@'%' IDENTIFIED BY '${REPL_PASSWORD}';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';
SQL
