# shellcheck shell=bash
# The local OAuth 2.1 issuer (module auth-server, Spring Authorization Server) on http://127.0.0.1:9000: the services
# validate tokens against it (AUTH_ISSUER_URI), tests and tools get theirs from it (AUTH_CLIENT_ID/SECRET). It runs a
# copy of the jar under .local/auth-server, so rebuilding the module (./mvnw install) never swaps the jar under the
# running JVM; its RSA signing key lives there too (made at the first start), so tokens survive restarts.

AUTH_DIR="$LOCAL_DIR/auth-server"
AUTH_JAR_BUILT="$REPO_ROOT/auth-server/target/auth-server.jar"
AUTH_JAR="$AUTH_DIR/auth-server.jar"

auth_running_pid() { running_pid auth-server "$AUTH_JAR"; }
# the discovery document is public (the actuator would be behind the login form): up = it names the issuer
auth_healthy() { curl -fsS --max-time 2 "$AUTH_ISSUER_URI/.well-known/openid-configuration" 2>/dev/null | grep -qF "\"issuer\":\"$AUTH_ISSUER_URI\""; }

# Builds the module (and contracts) when its jar is missing or older than a source file.
auth_build() {
  if [ -f "$AUTH_JAR_BUILT" ] && [ -z "$(find "$REPO_ROOT/auth-server/src" "$REPO_ROOT/auth-server/pom.xml" \
        "$REPO_ROOT/contracts/src" -newer "$AUTH_JAR_BUILT" -print -quit)" ]; then
    return 0
  fi
  log "auth-server: building the jar (./mvnw -pl auth-server -am package)"
  if ! ( cd "$REPO_ROOT" && ./mvnw -B -q -ntp -pl auth-server -am package -DskipTests ) >>"$LOG_DIR/maven.log" 2>&1; then
    tail -n 30 "$LOG_DIR/maven.log" >&2
    die "auth-server: build failed (see $LOG_DIR/maven.log)"
  fi
}

auth_up() {
  local pid fp
  auth_build
  mkdir -p "$AUTH_DIR"
  if ! cmp -s "$AUTH_JAR_BUILT" "$AUTH_JAR"; then
    if pid=$(auth_running_pid); then log "auth-server: jar changed, restarting"; stop_pid auth-server "$pid" 20; fi
    cp "$AUTH_JAR_BUILT" "$AUTH_JAR.tmp" && mv "$AUTH_JAR.tmp" "$AUTH_JAR"
  fi
  fp=$(fingerprint "$AUTH_JAR" "$INFRA_LOCAL/lib/auth-server.sh" "$INFRA_LOCAL/lib/addresses.sh")
  if pid=$(auth_running_pid) && ! config_current auth-server "$fp"; then
    log "auth-server: configuration changed, restarting"
    stop_pid auth-server "$pid" 20
  fi
  if ! pid=$(auth_running_pid); then
    ensure_port_free auth-server "$AUTH_ADDR" "$AUTH_PORT" "$AUTH_JAR" ".local/auth-server/auth-server.jar"
    log "starting auth-server on $AUTH_ISSUER_URI"
    AUTH_SERVER_ADDRESS=$AUTH_ADDR AUTH_SERVER_PORT=$AUTH_PORT AUTH_ISSUER_URI=$AUTH_ISSUER_URI \
      AUTH_CLIENT_ID=$AUTH_CLIENT_ID AUTH_CLIENT_SECRET=$AUTH_CLIENT_SECRET \
      AUTH_SIGNING_KEY_FILE="$AUTH_DIR/signing-key.json" \
      start_bg auth-server "$LOG_DIR/auth-server.log" java -Xmx256m -XX:TieredStopAtLevel=1 -jar "$AUTH_JAR"
    pid=$STARTED_PID
    record_config auth-server "$fp"
  fi
  wait_until auth-server 90 --pid "$pid" --log "$LOG_DIR/auth-server.log" -- auth_healthy \
    || die "auth-server did not become healthy"
  log "auth-server: healthy at $AUTH_ISSUER_URI"
}

auth_down() { stop_piece auth-server "$AUTH_JAR" 20 "$AUTH_ADDR" "$AUTH_PORT"; }

auth_status() {
  local pid
  if pid=$(auth_running_pid) && auth_healthy; then
    printf '  %-18s UP    pid=%-7s %s (OAuth 2.1 issuer)\n' auth-server "$pid" "$AUTH_ISSUER_URI"
  else
    printf '  %-18s DOWN  %s\n' auth-server "$AUTH_ISSUER_URI"; return 1
  fi
}
