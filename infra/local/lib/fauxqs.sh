# shellcheck shell=bash
# fauxqs 2.4.1 (SNS + SQS emulator, npm) on http://127.0.0.1:4510 run with the pinned Node 22, state in .local/fauxqs.

FAUXQS_ADDR=127.0.0.1
FAUXQS_PORT=4510
FAUXQS_URL="http://$FAUXQS_ADDR:$FAUXQS_PORT"
FAUXQS_LAUNCHER="$INFRA_LOCAL/lib/fauxqs-server.mjs"

fauxqs_running_pid() { running_pid fauxqs "$FAUXQS_LAUNCHER"; }
fauxqs_healthy() { curl -fsS --max-time 2 "$FAUXQS_URL/health" 2>/dev/null | grep -q '"ok"'; }

fauxqs_up() {
  node_ensure
  local pid fp
  fp=$(fingerprint "$FAUXQS_LAUNCHER" "$INFRA_LOCAL/package-lock.json" "$NODE_BIN")
  if pid=$(fauxqs_running_pid) && ! config_current fauxqs "$fp"; then
    log "fauxqs: launcher or packages changed, restarting"
    stop_pid fauxqs "$pid" 20
  fi
  if ! pid=$(fauxqs_running_pid); then
    ensure_port_free fauxqs "$FAUXQS_ADDR" "$FAUXQS_PORT" "$FAUXQS_LAUNCHER" "infra/local/lib/fauxqs-server.mjs"
    log "starting fauxqs on $FAUXQS_URL"
    ( cd "$INFRA_LOCAL" && FAUXQS_BIND=$FAUXQS_ADDR FAUXQS_PORT=$FAUXQS_PORT FAUXQS_DATA_DIR="$LOCAL_DIR/fauxqs" \
        FAUXQS_DEFAULT_REGION=us-east-1 FAUXQS_LOGGER=false \
        start_bg fauxqs "$LOG_DIR/fauxqs.log" "$NODE_BIN" --disable-warning=ExperimentalWarning "$FAUXQS_LAUNCHER" )
    pid=$(cat "$(pidfile fauxqs)")
    record_config fauxqs "$fp"
  fi
  wait_until fauxqs 30 --pid "$pid" --log "$LOG_DIR/fauxqs.log" -- fauxqs_healthy || die "fauxqs did not become healthy"
  log "fauxqs: healthy at $FAUXQS_URL"
}

fauxqs_down() { stop_piece fauxqs "$FAUXQS_LAUNCHER" 20 "$FAUXQS_ADDR" "$FAUXQS_PORT"; }

fauxqs_status() {
  local pid
  if pid=$(fauxqs_running_pid) && fauxqs_healthy; then
    printf '  %-18s UP    pid=%-7s %s (SNS+SQS)\n' fauxqs "$pid" "$FAUXQS_URL"
  else
    printf '  %-18s DOWN  %s\n' fauxqs "$FAUXQS_URL"; return 1
  fi
}
