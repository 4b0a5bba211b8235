# shellcheck shell=bash
# The local stack's MariaDB servers: one loopback address each and the shared port - the one definition in the
# scripts. Everything else is derived from these: the servers' configs, replication, the DNS zone, the checks, and
# the JDBC URLs of .local/stack.env (COMMAND_DB_URL, PRIMARY_ROOT_URL, REPLICA1_URL, ...) through which Java code and
# tests reach the servers. docs/conventions.md lists them for readers.

MDB_PORT=3316
MDB_PRIMARY_ADDR=127.0.0.11
MDB_REPLICA1_ADDR=127.0.0.12
MDB_REPLICA2_ADDR=127.0.0.13
MDB_REPLICA_ADDRS="$MDB_REPLICA1_ADDR $MDB_REPLICA2_ADDR"
