# shellcheck shell=bash
# Source this file, then call `use_java21` (alias: java_home_21): exports JAVA_HOME (and PATH) to a JDK >= 21.
# Search order: $JAVA_HOME, then /usr/lib/jvm/* (newest first). Returns non-zero with a clear message if none.

# Prints the feature version (e.g. 17, 21, 25) of the JDK at $1, or nothing.
_java_feature_version() {
  local home=$1 rel ver
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  rel="$home/release"
  if [ -r "$rel" ]; then
    ver=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$rel" | head -n1)
  fi
  if [ -z "${ver:-}" ]; then
    ver=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n1)
  fi
  [ -n "${ver:-}" ] || return 1
  [ "$ver" = 1 ] && ver=8
  printf '%s\n' "$ver"
}

# find_java_home [MIN]: prints the path of a JDK >= MIN (default 21).
find_java_home() {
  local min=${1:-21} cand v best="" bestv=0
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(_java_feature_version "$JAVA_HOME" 2>/dev/null || true)
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then printf '%s\n' "$JAVA_HOME"; return 0; fi
  fi
  for cand in /usr/lib/jvm/*; do
    [ -d "$cand" ] || continue
    [ -L "$cand" ] && cand=$(readlink -f "$cand")
    v=$(_java_feature_version "$cand" 2>/dev/null || true)
    [ -n "$v" ] || continue
    if [ "$v" -ge "$min" ] && [ "$v" -gt "$bestv" ]; then best=$cand; bestv=$v; fi
  done
  if [ -n "$best" ]; then printf '%s\n' "$best"; return 0; fi
  return 1
}

# use_java21 [MIN]: exports JAVA_HOME to a JDK >= MIN (default 21) and puts its bin first on PATH.
use_java21() {
  local min=${1:-21} home
  if ! home=$(find_java_home "$min"); then
    echo "ERROR: missing prerequisite: a JDK >= $min (looked at JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/*)." >&2
    echo "       Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin 21+/25 JDK." >&2
    return 1
  fi
  export JAVA_HOME=$home
  case ":$PATH:" in *":$JAVA_HOME/bin:"*) ;; *) export PATH="$JAVA_HOME/bin:$PATH" ;; esac
}
java_home_21() { use_java21 "$@"; }
