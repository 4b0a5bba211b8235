#!/usr/bin/env bash
# Smoke test of a RUNNING local stack (start it with infra/local/stack up). Exits non-zero on any failure.
#   infra/local/stack-smoke.sh                  # safe while services run: delivery is proven on a throw-away topic
#   infra/local/stack-smoke.sh --publish=real   # also publish on the real topic and read the real queues
#                                               # (only when no service consumes them!)
# Prints one line per check and a closing "N passed, N failed" line.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT
LIB="$REPO_ROOT/infra/local/lib"
. "$LIB/common.sh"
. "$LIB/java.sh"
. "$LIB/maven.sh"
. "$LIB/node.sh"
. "$LIB/mariadb.sh"
. "$LIB/pdns.sh"
. "$LIB/fauxqs.sh"
. "$LIB/dynamodb.sh"
. "$LIB/env.sh"

PUBLISH=isolated
for a in "$@"; do
  case $a in
    --publish=real) PUBLISH=real ;;
    --publish=isolated) PUBLISH=isolated ;;
    *) echo "usage: $0 [--publish=isolated|--publish=real]" >&2; exit 2 ;;
  esac
done

PASSED=0; FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'ok    %s\n' "$1"; }
failc() { FAILED=$((FAILED + 1)); printf 'FAIL  %s%s\n' "$1" "${2:+: $2}"; }
check() { local name=$1; shift; local out; if out=$("$@" 2>&1); then pass "$name"; else failc "$name" "$(printf '%s' "$out" | tail -n 3 | tr '\n' ' ')"; fi; }

# ---- environment -------------------------------------------------------------------------------------------------
"$REPO_ROOT/infra/local/stack" env >/dev/null
set -a; . "$STACK_ENV_FILE"; set +a
check "stack env defines every variable of docs/conventions.md" bash -c '
  for v in AWS_REGION AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_ENDPOINT_URL_SNS AWS_ENDPOINT_URL_SQS AWS_ENDPOINT_URL_DYNAMODB \
           EVENTS_TOPIC_ARN PROJECTOR_QUEUE_NAME PROJECTOR_DLQ_NAME AUDIT_QUEUE_NAME AUDIT_DLQ_NAME EMPLOYEES_TABLE AUDIT_TABLE \
           COMMAND_DB_URL COMMAND_DB_USER COMMAND_DB_PASSWORD COMMAND_DB_MIGRATION_USER COMMAND_DB_MIGRATION_PASSWORD \
           PROJECTOR_DB_URL PROJECTOR_DB_USER PROJECTOR_DB_PASSWORD PROJECTOR_DB_MIGRATION_USER PROJECTOR_DB_MIGRATION_PASSWORD \
           QUERY_DB_URL QUERY_DB_USER QUERY_DB_PASSWORD DNS_OVERRIDE_ZONE DNS_OVERRIDE_SERVER \
           PRIMARY_ROOT_URL REPLICA1_URL REPLICA2_URL DB_ROOT_USER DB_ROOT_PASSWORD COMMAND_API_URL QUERY_API_URL; do
    [ -n "${!v:-}" ] || { echo "missing $v"; exit 1; }
  done'

# ---- processes / bindings ----------------------------------------------------------------------------------------
check "stack status: every piece UP" "$REPO_ROOT/infra/local/stack" status
loopback_only() {
  local f pid bad=0 line
  for f in "$PID_DIR"/*.pid; do
    pid=$(cat "$f")
    while read -r line; do
      [ -z "$line" ] && continue
      case $(awk '{print $5}' <<<"$line") in
        127.*|\[::ffff:127.*\]:*) ;;
        *) echo "$(basename "$f" .pid) listens on a non-loopback address: $line"; bad=1 ;;
      esac
    done < <(ss -H -lntup 2>/dev/null | grep "pid=$pid,")
  done
  return $bad
}
check "every listener of the stack is on loopback (127.x)" loopback_only

# ---- MariaDB -----------------------------------------------------------------------------------------------------
SQLC() { # HOST USER PASSWORD SQL
  "$MDB_HOME/bin/mariadb" --no-defaults --protocol=tcp -h "$1" -P "$MDB_PORT" -u "$2" "-p$3" --connect-timeout=3 -N -B -e "$4"
}
mdb_settings() {
  local h=$1 sid=$2 ro=$3 got
  got=$(SQLC "$h" "$DB_ROOT_USER" "$DB_ROOT_PASSWORD" "SELECT CONCAT_WS(',', @@version, @@server_id, @@read_only+0, @@gtid_strict_mode+0, @@binlog_format, @@log_bin+0, @@time_zone, @@character_set_server)")
  case $got in 11.4.*",$sid,$ro,1,ROW,1,+00:00,utf8mb4") ;; *) echo "$h: unexpected settings: $got"; return 1 ;; esac
}
check "primary $MDB_PRIMARY_ADDR: 11.4, server_id 1, read_only 0, GTID strict, ROW binlog, UTC, utf8mb4" mdb_settings "$MDB_PRIMARY_ADDR" 1 0
check "replica $MDB_REPLICA1_ADDR: server_id 2, read_only 1" mdb_settings "$MDB_REPLICA1_ADDR" 2 1
check "replica $MDB_REPLICA2_ADDR: server_id 3, read_only 1" mdb_settings "$MDB_REPLICA2_ADDR" 3 1
check "replicas use GTID replication from the primary (IO+SQL running, Using_Gtid=Slave_Pos)" bash -c '
  for h in '"$MDB_REPLICA_ADDRS"'; do
    s=$("'"$MDB_HOME"'/bin/mariadb" --no-defaults --protocol=tcp -h $h -P '"$MDB_PORT"' -u"$DB_ROOT_USER" -p"$DB_ROOT_PASSWORD" -e "SHOW SLAVE STATUS\G")
    grep -q "Master_Host: '"$MDB_PRIMARY_ADDR"'" <<<"$s" && grep -q "Slave_IO_Running: Yes" <<<"$s" && grep -q "Slave_SQL_Running: Yes" <<<"$s" \
      && grep -q "Using_Gtid: Slave_Pos" <<<"$s" || { echo "$h: $s" | head -20; exit 1; }
  done'
TOKEN="smoke-$(date +%s%N)"
replicated_write() {
  SQLC "$MDB_PRIMARY_ADDR" "$DB_ROOT_USER" "$DB_ROOT_PASSWORD" "CREATE DATABASE IF NOT EXISTS stack_smoke;
    CREATE TABLE IF NOT EXISTS stack_smoke.t (id VARCHAR(64) PRIMARY KEY, at DATETIME(6) NOT NULL);
    INSERT INTO stack_smoke.t VALUES ('$TOKEN', '2026-11-21 19:30:00.123456');" || return 1
  local h deadline got
  for h in $MDB_REPLICA_ADDRS; do
    deadline=$(( $(date +%s) + 20 ))
    until got=$(SQLC "$h" "$DB_ROOT_USER" "$DB_ROOT_PASSWORD" "SELECT at FROM stack_smoke.t WHERE id='$TOKEN'" 2>/dev/null) && [ -n "$got" ]; do
      [ "$(date +%s)" -ge "$deadline" ] && { echo "row did not reach $h within 20s"; return 1; }
      sleep 0.2
    done
    [ "$got" = "2026-11-21 19:30:00.123456" ] || { echo "$h: fractional seconds lost: $got"; return 1; }
  done
  SQLC "$MDB_PRIMARY_ADDR" "$DB_ROOT_USER" "$DB_ROOT_PASSWORD" "DELETE FROM stack_smoke.t WHERE id='$TOKEN'"
}
check "a write on the primary appears on both replicas (DATETIME(6) kept)" replicated_write
replica_read_only() {
  if SQLC "$MDB_REPLICA1_ADDR" "$QUERY_DB_USER" "$QUERY_DB_PASSWORD" "CREATE TABLE read_db.smoke_should_fail (id INT)" 2>/dev/null; then
    echo "query_svc could create a table on a replica"; return 1; fi
}
check "query_svc cannot write on a replica" replica_read_only
logins() {
  SQLC "$MDB_PRIMARY_ADDR" "$COMMAND_DB_MIGRATION_USER" "$COMMAND_DB_MIGRATION_PASSWORD" "CREATE TABLE IF NOT EXISTS command_db.smoke_tmp (id INT); DROP TABLE command_db.smoke_tmp" || { echo "command_migrator cannot DDL on command_db"; return 1; }
  SQLC "$MDB_PRIMARY_ADDR" "$PROJECTOR_DB_MIGRATION_USER" "$PROJECTOR_DB_MIGRATION_PASSWORD" "CREATE TABLE IF NOT EXISTS read_db.smoke_tmp (id INT); DROP TABLE read_db.smoke_tmp" || { echo "projector_migrator cannot DDL on read_db"; return 1; }
  SQLC "$MDB_PRIMARY_ADDR" "$COMMAND_DB_USER" "$COMMAND_DB_PASSWORD" "CREATE TABLE command_db.smoke_should_fail (id INT)" 2>/dev/null && { echo "command_svc can DDL on command_db"; return 1; }
  SQLC "$MDB_PRIMARY_ADDR" "$PROJECTOR_DB_USER" "$PROJECTOR_DB_PASSWORD" "CREATE TABLE read_db.smoke_should_fail (id INT)" 2>/dev/null && { echo "projector can DDL on read_db"; return 1; }
  SQLC "$MDB_PRIMARY_ADDR" "$COMMAND_DB_USER" "$COMMAND_DB_PASSWORD" "USE command_db; SELECT 1" >/dev/null || { echo "command_svc cannot read command_db"; return 1; }
  SQLC "$MDB_PRIMARY_ADDR" "$COMMAND_DB_USER" "$COMMAND_DB_PASSWORD" "SELECT 1 FROM read_db.todo_view LIMIT 1" 2>/dev/null && { echo "command_svc can read read_db"; return 1; }
  local h; for h in $MDB_REPLICA_ADDRS; do
    SQLC "$h" "$QUERY_DB_USER" "$QUERY_DB_PASSWORD" "USE read_db; SELECT 1" >/dev/null || { echo "query_svc cannot read read_db on $h"; return 1; }
  done
}
check "users: the migrators own their databases, command_svc/projector only rows, query_svc reads read_db on both replicas" logins

# ---- DNS ---------------------------------------------------------------------------------------------------------
dns_spread() {
  local r1=0 r2=0 other=0 a i
  for i in $(seq 1 50); do
    a=$(dig @"$DNS_ADDR" -p "$DNS_PORT" +short +time=1 +tries=2 replicas.db.local A)
    case $a in "$MDB_REPLICA1_ADDR") r1=$((r1+1)) ;; "$MDB_REPLICA2_ADDR") r2=$((r2+1)) ;; *) other=$((other+1)) ;; esac
  done
  echo "50 queries: $MDB_REPLICA1_ADDR x$r1, $MDB_REPLICA2_ADDR x$r2, other x$other"
  [ $r1 -gt 0 ] && [ $r2 -gt 0 ] && [ $other = 0 ]
}
check "dig @127.0.0.1 -p 5300 replicas.db.local returns both replicas over 50 queries" dns_spread
dns_ttl() {
  local ttl
  ttl=$(dig @"$DNS_ADDR" -p "$DNS_PORT" +noall +answer replicas.db.local A | awk '{print $2}' | head -n1)
  [ "$ttl" = 1 ] || { echo "TTL is '$ttl'"; return 1; }
  dig @"$DNS_ADDR" -p "$DNS_PORT" +tcp +short replicas.db.local A | grep -Fxq -e "$MDB_REPLICA1_ADDR" -e "$MDB_REPLICA2_ADDR" || { echo "no answer over TCP"; return 1; }
  dig @"$DNS_ADDR" -p "$DNS_PORT" +short db.local SOA | grep -q . || { echo "no SOA"; return 1; }
}
check "replicas.db.local has TTL 1, answers over TCP too, zone has a SOA" dns_ttl

# ---- AWS (fauxqs + dynalite) ---------------------------------------------------------------------------------------
node_ensure
AWS_OUT=$("$NODE_BIN" "$REPO_ROOT/infra/local/smoke.mjs" "--publish=$PUBLISH" 2>&1) || true
while IFS= read -r line; do
  case $line in
    "ok    "*) pass "${line#ok    }" ;;
    "FAIL  "*) rest=${line#FAIL  }; failc "${rest%%: *}" "${rest#*: }" ;;
    *) [ -n "$line" ] && echo "      $line" ;;
  esac
done <<<"$AWS_OUT"
grep -q '^ok ' <<<"$AWS_OUT" || failc "AWS checks ran" "smoke.mjs printed no result"

echo "stack-smoke: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
