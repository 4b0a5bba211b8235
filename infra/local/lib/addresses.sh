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

# Zipkin (trace backend: UI and the v2 HTTP API; every service and the projector report spans to it).
ZIPKIN_ADDR=127.0.0.1
ZIPKIN_PORT=9411
ZIPKIN_URL="http://$ZIPKIN_ADDR:$ZIPKIN_PORT"

# The local OAuth 2.1 issuer (auth-server) and its confidential client for tests and tools: local demo values,
# written to .local/stack.env (AUTH_ISSUER_URI, AUTH_CLIENT_ID, AUTH_CLIENT_SECRET) and printed by bin/run.
AUTH_ADDR=127.0.0.1
AUTH_PORT=9000
AUTH_ISSUER_URI="http://$AUTH_ADDR:$AUTH_PORT"
AUTH_CLIENT_ID=cqrs-tests
AUTH_CLIENT_SECRET=cqrs-tests-secret
