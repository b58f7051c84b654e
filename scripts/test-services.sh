#!/usr/bin/env bash
# PostgreSQL and Redis for the service's tests (packages/server, test/server), started by hand
# (no systemd) with their data under one folder, on free loopback ports.
#
#   eval "$(bash scripts/test-services.sh start [DIR])"   # prints the export lines for the tests
#   bash scripts/test-services.sh stop [DIR]
#
# `start` is idempotent: when DIR already holds running servers it prints their URLs again.
# Installs Debian's postgresql and redis-server when they are missing (needs root or sudo).
# Everything it says besides the export lines goes to stderr.
set -euo pipefail

ACTION="${1:-start}"
DIR="${2:-${TMPDIR:-/tmp}/bundle-triage-services}"
PG_DATA="$DIR/postgres"
REDIS_DIR="$DIR/redis"
DB_USER=bundle_triage
DB_PASSWORD=bundle_triage
DB_NAME=bundle_triage_test

say() { echo "test-services: $*" >&2; }
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi

pg_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$found" ] && echo "$found"
}

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
}

# Runs a command as the postgres user (PostgreSQL refuses to run as root).
as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_missing() {
  local packages=()
  [ -n "$(pg_bin || true)" ] || packages+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
  if [ "${#packages[@]}" -gt 0 ]; then
    say "installing ${packages[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

print_exports() {
  local pg_port redis_port
  pg_port="$(cat "$DIR/postgres.port")"
  redis_port="$(cat "$DIR/redis.port")"
  echo "export BUNDLE_TRIAGE_TEST_POSTGRES_URL=postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$pg_port/$DB_NAME"
  echo "export BUNDLE_TRIAGE_TEST_REDIS_URL=redis://127.0.0.1:$redis_port"
}

postgres_running() {
  [ -f "$DIR/postgres.port" ] && "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$(cat "$DIR/postgres.port")" 2>/dev/null
}

redis_running() {
  [ -f "$DIR/redis.port" ] && redis-cli -p "$(cat "$DIR/redis.port")" ping 2>/dev/null | grep -q PONG
}

start_postgres() {
  local bin port
  bin="$(pg_bin)"
  if postgres_running; then return; fi
  port="$(free_port)"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$PG_DATA"
    chmod 700 "$PG_DATA"
    as_postgres "$bin/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # Each test file makes (and drops) its own database, so the test user may create databases.
  as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-p $port -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
  echo "$port" > "$DIR/postgres.port"
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q -d postgres >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;
-- DROP DATABASE … WITH (FORCE) must also end an autovacuum worker that happens to be in the test
-- database; PostgreSQL 15 lets a role without this membership end only its own sessions.
GRANT pg_signal_backend TO $DB_USER;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL
  say "postgresql on 127.0.0.1:$port (data in $PG_DATA)"
}

start_redis() {
  local port
  if redis_running; then return; fi
  port="$(free_port)"
  mkdir -p "$REDIS_DIR"
  # BullMQ needs noeviction: an evicted job key is a lost job.
  redis-server --port "$port" --bind 127.0.0.1 --dir "$REDIS_DIR" --daemonize yes \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
    --save '' --appendonly no --maxmemory-policy noeviction
  echo "$port" > "$DIR/redis.port"
  for _ in $(seq 1 100); do redis_running && break; sleep 0.1; done
  redis_running || { say "redis did not start; see $REDIS_DIR/redis.log"; exit 1; }
  say "redis on 127.0.0.1:$port (data in $REDIS_DIR)"
}

stop_all() {
  if [ -f "$PG_DATA/postmaster.pid" ]; then as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || true; fi
  if [ -f "$DIR/redis.port" ]; then redis-cli -p "$(cat "$DIR/redis.port")" shutdown nosave >/dev/null 2>&1 || true; fi
  rm -f "$DIR/postgres.port" "$DIR/redis.port"
}

case "$ACTION" in
  start)
    install_missing
    mkdir -p "$DIR"
    [ "$(id -u)" = "0" ] && chmod 755 "$DIR"
    start_postgres
    start_redis
    print_exports
    ;;
  stop)
    stop_all
    ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
