# shellcheck shell=bash
# Zipkin server (io.zipkin:zipkin-server exec jar from Maven Central, Apache-2.0) on $ZIPKIN_URL (lib/addresses.sh),
# the local trace backend: spans from every service arrive at /api/v2/spans, the UI is at /zipkin/, traces are read
# back by the e2e tests through /api/v2/traces. In-memory storage (a restart forgets the traces), loopback only.

ZIPKIN_VERSION=3.5.1
ZIPKIN_JAR="$CACHE_DIR/download/zipkin/zipkin-server-$ZIPKIN_VERSION-exec.jar"

zipkin_running_pid() { running_pid zipkin "$ZIPKIN_JAR"; }
zipkin_healthy() { curl -fsS --max-time 2 "$ZIPKIN_URL/health" 2>/dev/null | grep -q '"UP"'; }

zipkin_ensure_jar() {
  [ -f "$ZIPKIN_JAR" ] && return 0
  mvn_fetch zipkin "$(dirname "$ZIPKIN_JAR")" -DexcludeTransitive=true "-Dzipkin.version=$ZIPKIN_VERSION"
  [ -f "$ZIPKIN_JAR" ] || die "Zipkin jar not found after download: $ZIPKIN_JAR"
}

zipkin_up() {
  zipkin_ensure_jar
  local pid fp
  fp=$(fingerprint "$ZIPKIN_JAR" "$INFRA_LOCAL/lib/zipkin.sh" "$INFRA_LOCAL/lib/addresses.sh")
  if pid=$(zipkin_running_pid) && ! config_current zipkin "$fp"; then
    log "zipkin: jar or settings changed, restarting"
    stop_pid zipkin "$pid" 20
  fi
  if ! pid=$(zipkin_running_pid); then
    ensure_port_free zipkin "$ZIPKIN_ADDR" "$ZIPKIN_PORT" "$ZIPKIN_JAR" "zipkin-server-"
    log "starting zipkin on $ZIPKIN_URL"
    # armeria.ports[0].ip: Zipkin's HTTP server (Armeria) binds the loopback address only, not every interface.
    # MEM_MAX_SPANS bounds the in-memory store (oldest traces are dropped first).
    MEM_MAX_SPANS=200000 start_bg zipkin "$LOG_DIR/zipkin.log" java -Xmx384m -XX:+UseSerialGC -jar "$ZIPKIN_JAR" \
      "--armeria.ports[0].ip=$ZIPKIN_ADDR" "--armeria.ports[0].port=$ZIPKIN_PORT" "--armeria.ports[0].protocols[0]=http"
    pid=$(cat "$(pidfile zipkin)")
    record_config zipkin "$fp"
  fi
  wait_until zipkin 90 --pid "$pid" --log "$LOG_DIR/zipkin.log" -- zipkin_healthy || die "zipkin did not become healthy"
  log "zipkin: healthy at $ZIPKIN_URL (UI $ZIPKIN_URL/zipkin/)"
}

zipkin_down() {
  stop_piece zipkin "$ZIPKIN_JAR" 20 "$ZIPKIN_ADDR" "$ZIPKIN_PORT"
}

zipkin_status() {
  local pid
  if pid=$(zipkin_running_pid) && zipkin_healthy; then
    printf '  %-18s UP    pid=%-7s %s (UI %s/zipkin/)\n' zipkin "$pid" "$ZIPKIN_URL" "$ZIPKIN_URL"
  else
    printf '  %-18s DOWN  %s\n' zipkin "$ZIPKIN_URL"; return 1
  fi
}
