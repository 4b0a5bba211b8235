# shellcheck shell=bash
# Shared helpers for infra/local/stack: paths, logging, polling with deadlines, pidfile-based process control, apt.

: "${REPO_ROOT:?REPO_ROOT must be set by the caller}"
LOCAL_DIR="$REPO_ROOT/.local"
LOG_DIR="$LOCAL_DIR/logs"
PID_DIR="$LOCAL_DIR/pids"
INFRA_LOCAL="$REPO_ROOT/infra/local"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/cqrs-local"
# Unix socket paths are limited to ~107 bytes: fall back to a short per-checkout dir under /tmp for deep checkouts.
RUN_DIR="$LOCAL_DIR/run"
if [ "${#RUN_DIR}" -gt 80 ]; then
  RUN_DIR="/tmp/cqrs-local-$(printf '%s' "$REPO_ROOT" | cksum | cut -d' ' -f1)"
fi

# Messages go to stderr, tagged "[stack ...]" (a script sourcing this file may set LOG_TAG, e.g. bin/services).
log()  { printf '[%s %s] %s\n' "${LOG_TAG:-stack}" "$(date +%H:%M:%S)" "$*" >&2; }
warn() { printf '[%s %s] WARNING: %s\n' "${LOG_TAG:-stack}" "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "${LOG_TAG:-stack}" "$*" >&2; exit 1; }

ensure_dirs() { mkdir -p "$LOG_DIR" "$PID_DIR" "$RUN_DIR"; }

# wait_until DESCRIPTION TIMEOUT_SECONDS [--pid PID --log FILE] -- CMD...
# Polls CMD (every 0.2 s) until it succeeds or the deadline passes. If --pid is given and that process dies, fails at
# once and shows the tail of --log.
wait_until() {
  local desc=$1 timeout=$2; shift 2
  local pid="" logf=""
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    case $1 in
      --pid) pid=$2; shift 2 ;;
      --log) logf=$2; shift 2 ;;
      *) die "wait_until: bad option $1" ;;
    esac
  done
  [ "${1:-}" = "--" ] && shift
  local deadline=$(( $(date +%s) + timeout ))
  while :; do
    if "$@" >/dev/null 2>&1; then return 0; fi
    if [ -n "$pid" ] && pid_gone "$pid"; then
      warn "$desc: process $pid exited during startup"
      [ -n "$logf" ] && [ -f "$logf" ] && { echo "---- last lines of $logf ----" >&2; tail -n 40 "$logf" >&2; }
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      warn "$desc: not ready after ${timeout}s"
      [ -n "$logf" ] && [ -f "$logf" ] && { echo "---- last lines of $logf ----" >&2; tail -n 40 "$logf" >&2; }
      return 1
    fi
    sleep 0.2
  done
}

# ---- processes ---------------------------------------------------------------------------------------------------
pidfile() { printf '%s/%s.pid' "$PID_DIR" "$1"; }

# Prints the pid recorded for NAME if that process is alive and its command line contains MARKER.
running_pid() {
  local name=$1 marker=$2 f pid
  f=$(pidfile "$name")
  [ -f "$f" ] || return 1
  pid=$(cat "$f" 2>/dev/null || true)
  [ -n "$pid" ] && ! pid_gone "$pid" || return 1
  pid_matches "$pid" "$marker" || return 1
  printf '%s\n' "$pid"
}

# True if /proc/PID/cmdline contains MARKER (guards against recycled pids).
pid_matches() {
  local pid=$1 marker=$2
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker"
}

# start_bg NAME LOGFILE CMD... : starts CMD in its own session (setsid), detached from the terminal, records its pid.
# Every descriptor the caller inherited beyond stdin/stdout/stderr is closed first: a long-lived server must not keep
# the caller's pipes (a CI step waiting for EOF) or lock files (`flock LOCK infra/local/stack up`) open for its life.
start_bg() {
  local name=$1 logf=$2; shift 2
  ensure_dirs
  printf '\n===== %s start %s =====\n' "$name" "$(date -Is)" >>"$logf"
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec setsid "$@" >>"$logf" 2>&1 </dev/null
  ) &
  local pid=$!
  printf '%s\n' "$pid" >"$(pidfile "$name")"
  STARTED_PID=$pid
}

# Configuration fingerprints: `up` restarts a running piece whose configuration (files, command line) changed.
fingerprint() { # FILES...: contents of small files, path+size+mtime of big ones (binaries)
  local f
  for f in "$@"; do
    if [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 1048576 ]; then sha256sum "$f"; else stat -c '%n %s %Y' "$f" 2>/dev/null || echo "$f missing"; fi
  done | sha256sum | cut -d' ' -f1
}
config_current() { # NAME FP: true if FP equals the one recorded when NAME was started (none recorded: unknown = changed)
  local f="$PID_DIR/$1.cfg"
  [ -f "$f" ] && [ "$(cat "$f")" = "$2" ]
}
record_config() { printf '%s\n' "$2" >"$PID_DIR/$1.cfg"; }

# Pids of processes listening on ADDR:PORT (tcp or udp; also wildcard and IPv4-mapped forms), via ss.
pids_on_port() {
  local addr=$1 port=$2
  command -v ss >/dev/null 2>&1 || return 0
  ss -H -lntup 2>/dev/null | awk -v a="$addr" -v p="$port" '
    $5 == a ":" p || $5 == "0.0.0.0:" p || $5 == "*:" p || $5 == "[::]:" p || $5 == "[::ffff:" a "]:" p {print}' \
    | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
}

# Is anything listening on ADDR:PORT (TCP)? Uses bash's /dev/tcp, no external tool.
tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# True if PID is gone (or only a zombie waiting to be reaped by init: it holds no port or file any more).
pid_gone() {
  kill -0 "$1" 2>/dev/null || return 0
  [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" = Z ]
}

# stop_pid NAME PID [TIMEOUT]: TERM the process (and its process group if it leads one), wait, then KILL.
stop_pid() {
  local name=$1 pid=$2 timeout=${3:-20} pgid
  pid_gone "$pid" && return 0
  pgid=$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)
  if [ -n "$pgid" ] && [ "$pgid" = "$pid" ]; then kill -TERM -- "-$pgid" 2>/dev/null || true
  else kill -TERM "$pid" 2>/dev/null || true; fi
  local deadline=$(( $(date +%s) + timeout ))
  while ! pid_gone "$pid"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      warn "$name (pid $pid) did not stop after ${timeout}s: sending KILL"
      if [ -n "$pgid" ] && [ "$pgid" = "$pid" ]; then kill -KILL -- "-$pgid" 2>/dev/null || true
      else kill -KILL "$pid" 2>/dev/null || true; fi
      local i
      for i in $(seq 1 50); do pid_gone "$pid" && break; sleep 0.1; done
      break
    fi
    sleep 0.1
  done
  return 0
}

STOPPED_PIDS=()
# Stopped processes are re-parented to init, which reaps them a moment later: wait (max 10 s) so `ps` shows nothing.
wait_reaped() {
  local deadline=$(( $(date +%s) + 10 )) p left
  while :; do
    left=0
    for p in "${STOPPED_PIDS[@]}"; do [ -e "/proc/$p" ] && left=1; done
    [ $left = 0 ] && return 0
    [ "$(date +%s)" -ge "$deadline" ] && { warn "some stopped processes are still zombies (not reaped by their parent yet)"; return 0; }
    sleep 0.1
  done
}

# stop_piece NAME MARKER TIMEOUT [ADDR PORT]...: stops the process from the pidfile and any stray process of ours
# (command line contains MARKER) still listening on the given addresses (e.g. after someone deleted .local).
stop_piece() {
  local name=$1 marker=$2 timeout=$3; shift 3
  local pid f stopped=0
  f=$(pidfile "$name")
  if pid=$(running_pid "$name" "$marker"); then
    log "stopping $name (pid $pid)"; stop_pid "$name" "$pid" "$timeout"; stopped=1; STOPPED_PIDS+=("$pid")
  fi
  while [ $# -ge 2 ]; do
    local p
    for p in $(pids_on_port "$1" "$2"); do
      if pid_matches "$p" "$marker"; then
        log "stopping stray $name (pid $p on $1:$2)"; stop_pid "$name" "$p" "$timeout"; stopped=1; STOPPED_PIDS+=("$p")
      fi
    done
    shift 2
  done
  rm -f "$f"
  [ $stopped = 1 ] || log "$name: not running"
}

# ensure_port_free NAME ADDR PORT OWN_MARKER FAMILY_MARKER
# Frees ADDR:PORT for our piece: a stray process of this checkout (command line contains OWN_MARKER, e.g. after someone
# deleted .local) is stopped; the same piece of the local stack of ANOTHER checkout (FAMILY_MARKER: the ports are fixed,
# only one stack can run per machine) is stopped too, with a clear message. Anything else: error naming the holder.
ensure_port_free() {
  local name=$1 addr=$2 port=$3 own=${4:-} family=${5:-} p
  tcp_open "$addr" "$port" || [ -n "$(pids_on_port "$addr" "$port")" ] || return 0
  for p in $(pids_on_port "$addr" "$port"); do
    if [ -n "$own" ] && pid_matches "$p" "$own"; then
      log "$name: stopping a stray process of this checkout (pid $p) holding $addr:$port"
      stop_pid "$name" "$p" 60
    elif [ -n "$family" ] && pid_matches "$p" "$family"; then
      log "$name: $addr:$port is held by the local stack of another checkout (pid $p: $(tr '\0' ' ' <"/proc/$p/cmdline" | cut -c1-160)); stopping it"
      stop_pid "$name" "$p" 60
    fi
  done
  local deadline=$(( $(date +%s) + 10 ))
  while tcp_open "$addr" "$port" || [ -n "$(pids_on_port "$addr" "$port")" ]; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      local who=""
      for p in $(pids_on_port "$addr" "$port"); do who="$who $p($(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-120))"; done
      die "$name: $addr:$port is already in use by another process:${who:- (unknown)}. Stop it or free the port."
    fi
    sleep 0.2
  done
}

# ---- apt -------------------------------------------------------------------------------------------------------------
_APT_UPDATED=0
# apt_ensure PKG...: installs the Debian packages that are missing, never starting their services.
apt_ensure() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing prerequisite: Debian packages ${missing[*]} and no apt-get to install them"
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo
    else die "missing prerequisite: Debian packages ${missing[*]} (install them as root: apt-get install ${missing[*]})"; fi
  else SUDO=""
  fi
  log "installing Debian packages: ${missing[*]}"
  # Prevent maintainer scripts from starting services (e.g. pdns on port 53).
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d; made_policy=1
  fi
  local rc=0
  if [ $_APT_UPDATED = 0 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$LOG_DIR/apt.log" 2>&1 || rc=$?
    _APT_UPDATED=1
  fi
  if [ $rc = 0 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >>"$LOG_DIR/apt.log" 2>&1 || rc=$?
  fi
  [ $made_policy = 1 ] && $SUDO rm -f /usr/sbin/policy-rc.d
  if [ $rc != 0 ]; then
    tail -n 20 "$LOG_DIR/apt.log" >&2
    die "could not install Debian packages: ${missing[*]} (see $LOG_DIR/apt.log)"
  fi
}

need_cmd() { command -v "$1" >/dev/null 2>&1 || die "missing prerequisite: command '$1'${2:+ ($2)}"; }

# npm_ci_pinned DIR MARKER LOGFILE [RUNNER...]: installs DIR's node_modules exactly as DIR/package-lock.json pins them
# (npm ci), once per change of package-lock.json/package.json: the hash of both is stamped in node_modules, and MARKER
# (a file the install must produce) must exist. Concurrent callers (scripts started side by side) are serialised by a
# lock file per directory and re-check after waiting, so only one of them installs. RUNNER prefixes npm (e.g. a
# function that puts the pinned Node first on PATH); without it the system npm runs, needed only for this bootstrap.
npm_ci_pinned() {
  local dir=$1 marker=$2 logfile=$3; shift 3
  local stamp="$dir/node_modules/.npm-ci.sha256" want have="" fd
  [ -f "$dir/package-lock.json" ] || die "missing $dir/package-lock.json"
  want=$(sha256sum "$dir/package-lock.json" "$dir/package.json" | sha256sum | cut -d' ' -f1)
  [ -f "$stamp" ] && have=$(cat "$stamp")
  if [ "$want" = "$have" ] && [ -e "$marker" ]; then return 0; fi
  ensure_dirs
  exec {fd}>"$LOCAL_DIR/npm-$(printf '%s' "$dir" | cksum | cut -d' ' -f1).lock"
  flock -w 600 "$fd" || die "timed out waiting for another npm install in $dir"
  [ -f "$stamp" ] && have=$(cat "$stamp")
  if [ "$want" != "$have" ] || [ ! -e "$marker" ]; then
    command -v npm >/dev/null 2>&1 || die "missing prerequisite: 'npm' (any Node/npm; used once to install $dir's pinned packages)"
    log "npm ci in ${dir#"$REPO_ROOT"/}"
    ( cd "$dir" && "$@" npm ci --no-audit --no-fund --loglevel=error >>"$logfile" 2>&1 ) \
      || { tail -n 30 "$logfile" >&2; die "npm ci failed in $dir (see $logfile)"; }
    [ -e "$marker" ] || die "npm ci in $dir did not produce $marker"
    printf '%s\n' "$want" >"$stamp"
  fi
  exec {fd}>&-
}
