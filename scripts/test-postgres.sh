#!/usr/bin/env bash
# A primary and a streaming replica of Debian's PostgreSQL on local ports, for the external-database tests
# (ExternalPostgresTest) and for trying the replica routing by hand. Idempotent.
#
#   scripts/test-postgres.sh start     # creates (first time) and starts both; prints the URLs to export
#   scripts/test-postgres.sh stop      # stops both (the data stays)
#   scripts/test-postgres.sh clean     # stops both and removes the data
#   scripts/test-postgres.sh env       # prints the export lines only
#
# Directory: $BANGFU_TEST_PG_DIR (default /tmp/bangfu-test-pg); ports $BANGFU_TEST_PG_PORT (55432) and +1 (55433).
# PostgreSQL refuses to run as root: as root the servers run as the OS user `postgres`.
set -euo pipefail
export PGOPTIONS='-c client_min_messages=warning'

dir=${BANGFU_TEST_PG_DIR:-/tmp/bangfu-test-pg}
port=${BANGFU_TEST_PG_PORT:-55432}
rport=$((port + 1))
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 2; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() { as_pg "$bin/pg_ctl" -D "$1" status >/dev/null 2>&1; }

urls() {
  echo "export BANGFU_TEST_PG_PRIMARY=jdbc:postgresql://127.0.0.1:$port/bangfu_test"
  echo "export BANGFU_TEST_PG_REPLICA=jdbc:postgresql://127.0.0.1:$rport/bangfu_test"
  echo "export BANGFU_TEST_PG_USER=bangfu BANGFU_TEST_PG_PASSWORD=bangfu"
  # for the tests' restart and pause faults: the directories and pg_ctl
  echo "export BANGFU_TEST_PG_DIR=$dir BANGFU_TEST_PG_BIN=$bin"
}

start() {
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; chmod 0755 "$dir"; fi
  if [ ! -f "$dir/primary/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir/primary" -U postgres -A trust -E UTF8 --locale=C --lc-ctype=C.UTF-8 >/dev/null
    cat >>"$dir/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 5
hot_standby = on
fsync = on
CONF
    echo "host replication all 127.0.0.1/32 trust" >>"$dir/primary/pg_hba.conf"
  fi
  running "$dir/primary" || as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
  as_pg "$bin/psql" -h "$dir" -p "$port" -U postgres -qAt -d postgres <<SQL >/dev/null
SELECT 'CREATE ROLE bangfu LOGIN PASSWORD ''bangfu'' CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bangfu') \gexec
SELECT 'CREATE DATABASE bangfu_test OWNER bangfu ENCODING ''UTF8'' LC_COLLATE ''C'' LC_CTYPE ''C.UTF-8'' TEMPLATE template0' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'bangfu_test') \gexec
SQL
  # pg_trgm is not trusted: the superuser creates it in the template and the test database
  as_pg "$bin/psql" -h "$dir" -p "$port" -U postgres -qAt -d bangfu_test -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
  as_pg "$bin/psql" -h "$dir" -p "$port" -U postgres -qAt -d template1 -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
  if [ ! -f "$dir/replica/PG_VERSION" ]; then
    # a physical replication slot keeps the WAL the replica has not received yet: without it, the WAL written while the
    # replica is stopped (the replica-down test, a fresh database's migrations) is recycled and the replica never catches up
    as_pg "$bin/psql" -h "$dir" -p "$port" -U postgres -qAt -d postgres \
      -c "SELECT pg_drop_replication_slot('bangfu_replica') FROM pg_replication_slots WHERE slot_name = 'bangfu_replica'" >/dev/null
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$dir/replica" -R -X stream -c fast -C -S bangfu_replica >/dev/null
    cat >>"$dir/replica/postgresql.conf" <<CONF
port = $rport
CONF
  fi
  running "$dir/replica" || as_pg "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w start >/dev/null
  urls
}

stop() {
  for d in replica primary; do
    if [ -f "$dir/$d/PG_VERSION" ] && running "$dir/$d"; then as_pg "$bin/pg_ctl" -D "$dir/$d" -m fast -w stop >/dev/null; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  clean) stop; rm -rf "$dir" ;;
  env) urls ;;
  *) echo "usage: $0 start|stop|clean|env" >&2; exit 2 ;;
esac
