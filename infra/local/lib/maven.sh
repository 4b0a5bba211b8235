# shellcheck shell=bash
# Fetches artifacts from Maven Central with the repo's ./mvnw (JDK >= 21) and the standalone pom infra/local/maven/pom.xml
# (not part of the root reactor).

# mvn_fetch PROFILE OUTDIR [EXTRA MAVEN ARGS...]
mvn_fetch() {
  local profile=$1 out=$2; shift 2
  use_java21 || die "missing prerequisite: a JDK >= 21 (needed to run ./mvnw)"
  [ -x "$REPO_ROOT/mvnw" ] || die "missing prerequisite: $REPO_ROOT/mvnw"
  mkdir -p "$out"
  log "fetching Maven artifacts (profile $profile) into $out"
  if ! ( cd "$REPO_ROOT" && ./mvnw -B -q -f infra/local/maven/pom.xml "-P$profile" \
        dependency:copy-dependencies "-DoutputDirectory=$out" "$@" ) >>"$LOG_DIR/maven.log" 2>&1; then
    tail -n 30 "$LOG_DIR/maven.log" >&2
    die "Maven download failed for profile $profile (see $LOG_DIR/maven.log)"
  fi
}
