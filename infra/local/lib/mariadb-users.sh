# shellcheck shell=bash
# Databases, users and grants (part of mariadb.sh), created on the primary only: the replicas replay the primary's
# binlog from GTID 0, so they get the same. The service users and their grants come from
# infra/sql/users-and-grants.sql, the one definition shared with docker-compose and AWS; the replication user, the
# TCP root of the tests and the health-marker table are local only.

# The SQL of infra/sql/users-and-grants.sql for the local accounts (@'127.%', the fixed local passwords).
mdb_users_and_grants_sql() {
  local sql
  sql=$(<"$REPO_ROOT/infra/sql/users-and-grants.sql") || die "cannot read infra/sql/users-and-grants.sql"
  sql=${sql//@APP_HOST@/127.%}
  sql=${sql//@COMMAND_DB_PASSWORD@/"$COMMAND_DB_PASSWORD"}
  sql=${sql//@COMMAND_DB_MIGRATION_PASSWORD@/"$COMMAND_DB_MIGRATION_PASSWORD"}
  sql=${sql//@PROJECTOR_DB_PASSWORD@/"$PROJECTOR_DB_PASSWORD"}
  sql=${sql//@PROJECTOR_DB_MIGRATION_PASSWORD@/"$PROJECTOR_DB_MIGRATION_PASSWORD"}
  sql=${sql//@QUERY_DB_PASSWORD@/"$QUERY_DB_PASSWORD"}
  printf '%s\n' "$sql"
}

mdb_primary_sql() {
  cat <<SQL
CREATE USER IF NOT EXISTS '$DB_REPL_USER'@'127.%' IDENTIFIED BY '$DB_REPL_PASSWORD';
ALTER USER '$DB_REPL_USER'@'127.%' IDENTIFIED BY '$DB_REPL_PASSWORD';
GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '$DB_REPL_USER'@'127.%';
CREATE USER IF NOT EXISTS '$DB_ROOT_USER'@'127.%' IDENTIFIED BY '$DB_ROOT_PASSWORD';
ALTER USER '$DB_ROOT_USER'@'127.%' IDENTIFIED BY '$DB_ROOT_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$DB_ROOT_USER'@'127.%' WITH GRANT OPTION;
SQL
  mdb_users_and_grants_sql
  # Local only, after the shared grants (which revoke first): the query user may read its replicas' replication
  # status, the replica.lag gauge of the pipeline page (MariaDB's privilege; RDS reports ReplicaLag itself).
  cat <<SQL
GRANT SLAVE MONITOR ON *.* TO '$QUERY_DB_USER'@'127.%';
CREATE DATABASE IF NOT EXISTS stack_health CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS stack_health.marker (id INT PRIMARY KEY, token VARCHAR(64) NOT NULL, written_at DATETIME(6) NOT NULL);
SQL
}

# Runs the SQL above on the primary unless this very SQL already ran (a stamp holds its hash): a changed
# users-and-grants.sql (or password) runs again on the next `stack up`, and since that SQL revokes before it grants,
# an existing .local stack is upgraded in place (e.g. runtime users that held ALL end up with rows-only grants).
mdb_setup_primary() {
  local stamp want sql
  stamp="$(mdb_dir primary)/.provisioned"
  sql=$(mdb_primary_sql) || exit 1
  want=$(printf '%s\n' "$sql" | sha256sum | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return 0
  log "creating databases and users on the primary"
  # mariadb-install-db leaves password-less root@127.0.0.1 / root@::1 / root@<hostname>: they would shadow
  # root@'127.%' over TCP, so drop them (only root@localhost, used over the socket by this script, stays).
  local drops
  drops=$(mdb_sql primary "SELECT CONCAT('DROP USER IF EXISTS ''', User, '''@''', Host, ''';') FROM mysql.user
            WHERE User IN ('root', '') AND Host NOT IN ('localhost', '127.%')") || die "cannot read mysql.user on the primary"
  printf '%s\n%s\n' "$drops" "$sql" | mdb_client primary || die "provisioning SQL failed on the primary"
  printf '%s\n' "$want" >"$stamp"
}

mdb_tcp_login() { # HOST USER PASSWORD DB
  "$MDB_HOME/bin/mariadb" --no-defaults --protocol=tcp -h "$1" -P "$MDB_PORT" -u "$2" "-p$3" --connect-timeout=3 -N -B -e "SELECT 1" ${4:+"$4"} >/dev/null 2>&1
}

# Every service user (and the tests' root) can log in over TCP where it is used.
mdb_verify_logins() {
  local addr
  mdb_tcp_login "$MDB_PRIMARY_ADDR" "$COMMAND_DB_USER" "$COMMAND_DB_PASSWORD" command_db || die "login failed: $COMMAND_DB_USER@$MDB_PRIMARY_ADDR"
  mdb_tcp_login "$MDB_PRIMARY_ADDR" "$COMMAND_DB_MIGRATION_USER" "$COMMAND_DB_MIGRATION_PASSWORD" command_db || die "login failed: $COMMAND_DB_MIGRATION_USER@$MDB_PRIMARY_ADDR"
  mdb_tcp_login "$MDB_PRIMARY_ADDR" "$PROJECTOR_DB_USER" "$PROJECTOR_DB_PASSWORD" read_db || die "login failed: $PROJECTOR_DB_USER@$MDB_PRIMARY_ADDR"
  mdb_tcp_login "$MDB_PRIMARY_ADDR" "$PROJECTOR_DB_MIGRATION_USER" "$PROJECTOR_DB_MIGRATION_PASSWORD" read_db || die "login failed: $PROJECTOR_DB_MIGRATION_USER@$MDB_PRIMARY_ADDR"
  for addr in $MDB_REPLICA_ADDRS; do
    mdb_tcp_login "$addr" "$QUERY_DB_USER" "$QUERY_DB_PASSWORD" read_db || die "login failed: $QUERY_DB_USER@$addr"
    mdb_tcp_login "$addr" "$DB_ROOT_USER" "$DB_ROOT_PASSWORD" "" || die "login failed: $DB_ROOT_USER@$addr"
  done
}
