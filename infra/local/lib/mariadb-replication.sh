# shellcheck shell=bash
# GTID replication (part of mariadb.sh): each replica follows the primary with MASTER_USE_GTID=slave_pos, starting
# from an empty GTID position (so it replays everything, users included); a marker row written on the primary must
# reach both replicas.

mdb_slave_field() { # NODE FIELD
  mdb_client "$1" -e "SHOW SLAVE STATUS\G" 2>/dev/null | awk -v f="$2:" '$1==f {print $2}'
}

mdb_setup_replica() {
  local n=$1 host
  host=$(mdb_slave_field "$n" Master_Host)
  if [ "$host" != "$MDB_PRIMARY_ADDR" ]; then
    log "configuring GTID replication $n <- primary"
    mdb_client "$n" <<SQL || die "could not configure replication on $n"
STOP SLAVE;
RESET SLAVE ALL;
SET GLOBAL gtid_slave_pos = '';
CHANGE MASTER TO MASTER_HOST='$MDB_PRIMARY_ADDR', MASTER_PORT=$MDB_PORT, MASTER_USER='$DB_REPL_USER',
  MASTER_PASSWORD='$DB_REPL_PASSWORD', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;
START SLAVE;
SQL
  elif [ "$(mdb_slave_field "$n" Slave_IO_Running)" != Yes ] || [ "$(mdb_slave_field "$n" Slave_SQL_Running)" != Yes ]; then
    mdb_sql "$n" "START SLAVE" >/dev/null 2>&1 || true
  fi
}

mdb_replica_ok() {
  [ "$(mdb_slave_field "$1" Slave_IO_Running)" = Yes ] && [ "$(mdb_slave_field "$1" Slave_SQL_Running)" = Yes ]
}

# Writes a marker on the primary and waits for it on both replicas.
mdb_verify_replication() {
  local token n
  token="$(date +%s%N)-$$"
  mdb_sql primary "REPLACE INTO stack_health.marker VALUES (1, '$token', NOW(6))" || die "cannot write the replication marker on the primary"
  for n in replica1 replica2; do
    wait_until "replication to $n" 60 -- mdb_marker_is "$n" "$token" || {
      mdb_client "$n" -e "SHOW SLAVE STATUS\G" >&2 || true
      die "replication marker did not reach $n"
    }
  done
}
mdb_marker_is() { [ "$(mdb_sql "$1" "SELECT token FROM stack_health.marker WHERE id=1" 2>/dev/null)" = "$2" ]; }
