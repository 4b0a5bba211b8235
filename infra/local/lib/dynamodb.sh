# shellcheck shell=bash
# DynamoDB Local 2.6.1 (Maven Central com.amazonaws:DynamoDBLocal + deps + sqlite4java native lib) on
# http://127.0.0.1:8000, loopback only (via lib/DynamoDbLocalLoopback.java), telemetry off, shared db in .local/dynamodb.

DDB_VERSION=2.6.1
DDB_ADDR=127.0.0.1
DDB_PORT=8000
DDB_URL="http://$DDB_ADDR:$DDB_PORT"
DDB_HOME="$CACHE_DIR/dynamodb-local-$DDB_VERSION"
DDB_LAUNCHER="$INFRA_LOCAL/lib/DynamoDbLocalLoopback.java"

dynamodb_ensure_binaries() {
  if [ -f "$DDB_HOME/.complete" ] && [ -f "$DDB_HOME/lib/DynamoDBLocal-$DDB_VERSION.jar" ]; then return 0; fi
  local tmp="$DDB_HOME.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  mvn_fetch dynamodb "$tmp/lib" -DincludeScope=runtime
  # sqlite4java looks for libsqlite4java-linux-amd64.so (unversioned) on java.library.path
  local so
  so=$(ls "$tmp"/lib/libsqlite4java-linux-amd64-*.so 2>/dev/null | head -n1)
  [ -n "$so" ] || die "sqlite4java native library (libsqlite4java-linux-amd64) missing from the DynamoDB Local download"
  mkdir -p "$tmp/native"
  cp "$so" "$tmp/native/libsqlite4java-linux-amd64.so"
  rm -rf "$DDB_HOME"; mv "$tmp" "$DDB_HOME"
  touch "$DDB_HOME/.complete"
}

dynamodb_running_pid() { running_pid dynamodb "$DDB_LAUNCHER"; }
dynamodb_healthy() {
  # Any well-formed DynamoDB answer (here: a ListTables with dummy credentials) means the server is up.
  curl -sS --max-time 3 -X POST "$DDB_URL/" -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
    -d '{}' 2>/dev/null | grep -q 'TableNames'
}

dynamodb_up() {
  dynamodb_ensure_binaries
  use_java21 || die "missing prerequisite: a JDK >= 21 for DynamoDB Local"
  local pid fp
  fp=$(fingerprint "$DDB_LAUNCHER" "$INFRA_LOCAL/lib/dynamodb.sh" "$JAVA_HOME/release")
  if pid=$(dynamodb_running_pid) && ! config_current dynamodb "$fp"; then
    log "dynamodb: launcher or options changed, restarting"
    stop_pid dynamodb "$pid" 30
  fi
  if ! pid=$(dynamodb_running_pid); then
    ensure_port_free dynamodb "$DDB_ADDR" "$DDB_PORT" "$DDB_LAUNCHER" "infra/local/lib/DynamoDbLocalLoopback.java"
    mkdir -p "$LOCAL_DIR/dynamodb"
    log "starting DynamoDB Local on $DDB_URL"
    ( cd "$LOCAL_DIR/dynamodb" && start_bg dynamodb "$LOG_DIR/dynamodb.log" "$JAVA_HOME/bin/java" \
        -Xmx512m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -Ddynamodb.bind="$DDB_ADDR" \
        -Djava.library.path="$DDB_HOME/native" -Dsqlite4java.library.path="$DDB_HOME/native" \
        -cp "$DDB_HOME/lib/*" "$DDB_LAUNCHER" \
        -port "$DDB_PORT" -dbPath "$LOCAL_DIR/dynamodb" -sharedDb -disableTelemetry )
    pid=$(cat "$(pidfile dynamodb)")
    record_config dynamodb "$fp"
  fi
  wait_until dynamodb 90 --pid "$pid" --log "$LOG_DIR/dynamodb.log" -- dynamodb_healthy || die "DynamoDB Local did not become healthy"
  log "dynamodb: healthy at $DDB_URL"
}

dynamodb_down() { stop_piece dynamodb "$DDB_LAUNCHER" 30 "$DDB_ADDR" "$DDB_PORT"; }

dynamodb_status() {
  local pid
  if pid=$(dynamodb_running_pid) && dynamodb_healthy; then
    printf '  %-18s UP    pid=%-7s %s (telemetry off)\n' dynamodb "$pid" "$DDB_URL"
  else
    printf '  %-18s DOWN  %s\n' dynamodb "$DDB_URL"; return 1
  fi
}
