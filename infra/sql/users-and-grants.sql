-- The databases and the service users of docs/conventions.md with their grants: the one definition, read by
--   the local stack    infra/local/lib/mariadb-users.sh                 accounts at host 127.%  (MariaDB 11.4)
--   docker-compose     docker/mysql/primary/01-databases-and-users.sh   accounts at host %      (MySQL 8.4)
--   AWS                infra/aws DbBootstrap, the one-off bootstrap task accounts at host %      (RDS MySQL 8.4)
-- Each of them replaces the placeholders below (APP_HOST, the host part of the accounts, and COMMAND_DB_PASSWORD,
-- COMMAND_DB_MIGRATION_PASSWORD, PROJECTOR_DB_PASSWORD, PROJECTOR_DB_MIGRATION_PASSWORD, QUERY_DB_PASSWORD, each
-- between two at-signs) and runs the result as an administrator on the primary; the replicas get it through
-- replication. Passwords must not contain quotes or backslashes. The AWS build drops this header (its comment lines).
-- Least privilege: each database has a migration user (DDL, used only by Flyway at start) and a runtime user
-- (rows only: SELECT, INSERT, UPDATE, DELETE), so a running service cannot change or drop its schema.
-- Idempotent, and an upgrade: every account's privileges are revoked, then granted as written here, so an account
-- created by an older version of this file (e.g. a runtime user with ALL) ends up with exactly these grants; a run
-- resets the passwords. REVOKE ALL PRIVILEGES, GRANT OPTION works on MySQL 8.4 and MariaDB 11.4 alike.
CREATE DATABASE IF NOT EXISTS command_db;
CREATE DATABASE IF NOT EXISTS read_db;
CREATE USER IF NOT EXISTS 'command_migrator'@'@APP_HOST@' IDENTIFIED BY '@COMMAND_DB_MIGRATION_PASSWORD@';
ALTER USER 'command_migrator'@'@APP_HOST@' IDENTIFIED BY '@COMMAND_DB_MIGRATION_PASSWORD@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'command_migrator'@'@APP_HOST@';
GRANT ALL PRIVILEGES ON command_db.* TO 'command_migrator'@'@APP_HOST@';
CREATE USER IF NOT EXISTS 'command_svc'@'@APP_HOST@' IDENTIFIED BY '@COMMAND_DB_PASSWORD@';
ALTER USER 'command_svc'@'@APP_HOST@' IDENTIFIED BY '@COMMAND_DB_PASSWORD@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'command_svc'@'@APP_HOST@';
GRANT SELECT, INSERT, UPDATE, DELETE ON command_db.* TO 'command_svc'@'@APP_HOST@';
CREATE USER IF NOT EXISTS 'projector_migrator'@'@APP_HOST@' IDENTIFIED BY '@PROJECTOR_DB_MIGRATION_PASSWORD@';
ALTER USER 'projector_migrator'@'@APP_HOST@' IDENTIFIED BY '@PROJECTOR_DB_MIGRATION_PASSWORD@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'projector_migrator'@'@APP_HOST@';
GRANT ALL PRIVILEGES ON read_db.* TO 'projector_migrator'@'@APP_HOST@';
CREATE USER IF NOT EXISTS 'projector'@'@APP_HOST@' IDENTIFIED BY '@PROJECTOR_DB_PASSWORD@';
ALTER USER 'projector'@'@APP_HOST@' IDENTIFIED BY '@PROJECTOR_DB_PASSWORD@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'projector'@'@APP_HOST@';
GRANT SELECT, INSERT, UPDATE, DELETE ON read_db.* TO 'projector'@'@APP_HOST@';
CREATE USER IF NOT EXISTS 'query_svc'@'@APP_HOST@' IDENTIFIED BY '@QUERY_DB_PASSWORD@';
ALTER USER 'query_svc'@'@APP_HOST@' IDENTIFIED BY '@QUERY_DB_PASSWORD@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'query_svc'@'@APP_HOST@';
GRANT SELECT ON read_db.* TO 'query_svc'@'@APP_HOST@';
