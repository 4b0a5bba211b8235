# shellcheck shell=bash
# dynalite 4 (npm, Apache-2.0: DynamoDB's JSON API on LevelDB) on http://127.0.0.1:8000, run by the pinned Node 22 through
# lib/dynalite-server.mjs (loopback only), data in .local/dynalite so the read models survive a restart.
# (Why not the vendor's DynamoDB Local: see infra/local/README.md.)

DDB_ADDR=127.0.0.1
DDB_PORT=8000
DDB_URL="http://$DDB_ADDR:$DDB_PORT"
DDB_LAUNCHER="$INFRA_LOCAL/lib/dynalite-server.mjs"

dynamodb_running_pid() { running_pid dynamodb "$DDB_LAUNCHER"; }
dynamodb_healthy() {
  # Any well-formed DynamoDB answer to a real operation means the server is up: here DescribeTable of a table that never
  # exists (ResourceNotFoundException). Not ListTables: dynalite walks its whole store for it, which took 4 s (past this
  # check's 3 s) once the local data had grown to 200 MB of audit items; DescribeTable is one key lookup.
  curl -sS --max-time 3 -X POST "$DDB_URL/" -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Target: DynamoDB_20120810.DescribeTable' \
    -H 'X-Amz-Date: 20250101T000000Z' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
    -d '{"TableName":"stack-health-check"}' 2>/dev/null | grep -q 'ResourceNotFoundException'
}

# A stack started by an earlier version of these scripts ran the vendor's emulator (a JVM, launcher
# DynamoDbLocalLoopback) on this port: stop it, so an upgraded checkout comes up without manual clean-up.
dynamodb_stop_earlier() {
  local p
  for p in $(pids_on_port "$DDB_ADDR" "$DDB_PORT"); do
    if pid_matches "$p" DynamoDbLocalLoopback; then
      log "dynamodb: stopping the emulator of an earlier stack version (pid $p)"; stop_pid dynamodb "$p" 30
    fi
  done
}

dynamodb_up() {
  node_ensure
  dynamodb_stop_earlier
  local pid fp
  fp=$(fingerprint "$DDB_LAUNCHER" "$INFRA_LOCAL/lib/dynamodb.sh" "$INFRA_LOCAL/package-lock.json" "$NODE_BIN")
  if pid=$(dynamodb_running_pid) && ! config_current dynamodb "$fp"; then
    log "dynamodb: launcher or packages changed, restarting"
    stop_pid dynamodb "$pid" 20
  fi
  if ! pid=$(dynamodb_running_pid); then
    ensure_port_free dynamodb "$DDB_ADDR" "$DDB_PORT" "$DDB_LAUNCHER" "infra/local/lib/dynalite-server.mjs"
    log "starting dynalite on $DDB_URL"
    ( cd "$INFRA_LOCAL" && DYNALITE_BIND=$DDB_ADDR DYNALITE_PORT=$DDB_PORT DYNALITE_DATA_DIR="$LOCAL_DIR/dynalite" \
        start_bg dynamodb "$LOG_DIR/dynamodb.log" "$NODE_BIN" "$DDB_LAUNCHER" )
    pid=$(cat "$(pidfile dynamodb)")
    record_config dynamodb "$fp"
  fi
  wait_until dynamodb 30 --pid "$pid" --log "$LOG_DIR/dynamodb.log" -- dynamodb_healthy || die "dynalite did not become healthy"
  log "dynamodb: healthy at $DDB_URL (dynalite)"
}

dynamodb_down() {
  stop_piece dynamodb "$DDB_LAUNCHER" 20 "$DDB_ADDR" "$DDB_PORT"
  dynamodb_stop_earlier
}

dynamodb_status() {
  local pid
  if pid=$(dynamodb_running_pid) && dynamodb_healthy; then
    printf '  %-18s UP    pid=%-7s %s (dynalite)\n' dynamodb "$pid" "$DDB_URL"
  else
    printf '  %-18s DOWN  %s\n' dynamodb "$DDB_URL"; return 1
  fi
}
