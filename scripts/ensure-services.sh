#!/usr/bin/env bash
# Makes this machine ready for CivicDesk's tests: installs (from Debian's
# packages) and starts whatever is missing of PostgreSQL, Redis and Chromium,
# installs pgvector, and creates the test database with the vector extension.
#
# Idempotent: on a ready machine it only checks and prints the URLs.
# Needs root for anything it has to install or start. Works without systemd.
#
# Environment (all optional):
#   SKIP_CHROMIUM=1   do not install Chromium (no browser tests planned)
#   SERVICE_TIMEOUT   seconds to wait for each service to answer (default 60)
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/apt-install.sh
. "$script_dir/lib/apt-install.sh"

pg_port=5432
redis_port=6379
test_db=civicdesk_test
# A password is set only where TCP logins need one; where the server trusts
# loopback it is ignored, so this one URL works on both kinds of machine.
pg_password=postgres
admin_url="postgres://postgres:$pg_password@127.0.0.1:$pg_port/postgres"
test_db_url="postgres://postgres:$pg_password@127.0.0.1:$pg_port/$test_db"
redis_url="redis://127.0.0.1:$redis_port"
chromium_path=/usr/bin/chromium
timeout=${SERVICE_TIMEOUT:-60}

# Runs the given check once a second until it succeeds or the timeout passes.
wait_for() {
  local what=$1
  shift
  local waited=0
  until "$@" >/dev/null 2>&1; do
    if [ "$waited" -ge "$timeout" ]; then
      echo "error: $what did not answer within ${timeout}s (check: $*)" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

install_missing_packages() {
  local wanted=()
  if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    wanted+=(postgresql)
  fi
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    wanted+=(redis-server redis-tools)
  fi
  if [ "${SKIP_CHROMIUM:-0}" != 1 ] && [ ! -x "$chromium_path" ]; then
    wanted+=(chromium fonts-liberation)
  fi
  if [ "${#wanted[@]}" -gt 0 ]; then
    install_apt_packages "${wanted[@]}"
  fi
}

# Prints the major version of the cluster that owns port 5432, creating a
# cluster for the newest installed server when there is none.
find_or_create_cluster() {
  local version
  version=$(pg_lsclusters -h | awk -v port="$pg_port" '$3 == port { print $1; exit }')
  if [ -z "$version" ]; then
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | grep -E '^[0-9]+$' | sort -n | tail -n 1)
    echo "postgresql: creating cluster $version/main on port $pg_port" >&2
    pg_createcluster --port "$pg_port" "$version" main >/dev/null
  fi
  echo "$version"
}

start_postgresql() {
  local version=$1 status
  status=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $4 }')
  if [ "$status" != online ]; then
    echo "postgresql: starting cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  wait_for "PostgreSQL on 127.0.0.1:$pg_port" pg_isready -q -h 127.0.0.1 -p "$pg_port"
}

# Fresh Debian installs use peer auth on the socket and scram-sha-256 on TCP,
# so postgres gets a password; machines that trust loopback are left as is.
ensure_tcp_login() {
  if psql "$admin_url" -w -tAc 'select 1' >/dev/null 2>&1; then
    return
  fi
  echo "postgresql: setting a password for role postgres (TCP login failed)"
  (cd / && runuser -u postgres -- psql -p "$pg_port" -v ON_ERROR_STOP=1 -qc \
    "ALTER ROLE postgres PASSWORD '$pg_password'" >/dev/null)
  if ! psql "$admin_url" -w -tAc 'select 1' >/dev/null 2>&1; then
    echo "error: cannot log in as postgres over TCP at 127.0.0.1:$pg_port; check pg_hba.conf" >&2
    return 1
  fi
}

prepare_test_database() {
  local exists
  exists=$(psql "$admin_url" -w -tAc "select 1 from pg_database where datname = '$test_db'")
  if [ "$exists" != 1 ]; then
    echo "postgresql: creating database $test_db"
    psql "$admin_url" -w -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $test_db" >/dev/null
  fi
  psql "$test_db_url" -w -v ON_ERROR_STOP=1 -q \
    -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS vector' >/dev/null
}

redis_answers() {
  [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ]
}

start_redis() {
  if redis_answers; then
    return
  fi
  local log_file=/var/log/redis/ci.log
  [ -d /var/log/redis ] || log_file=/tmp/redis-ci.log
  echo "redis: starting on 127.0.0.1:$redis_port"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" \
    --save "" --appendonly no --dir /tmp --logfile "$log_file"
  wait_for "Redis on 127.0.0.1:$redis_port" redis_answers
}

install_missing_packages

pg_version=$(find_or_create_cluster)
start_postgresql "$pg_version"
ensure_tcp_login
PG_MAJOR=$pg_version bash "$script_dir/install-pgvector.sh"
prepare_test_database
vector_version=$(psql "$test_db_url" -w -tAc "select extversion from pg_extension where extname = 'vector'")

start_redis

echo "ready:"
echo "  PostgreSQL $pg_version  TEST_DATABASE_URL=$test_db_url  (vector $vector_version)"
echo "  Redis $(redis-cli -h 127.0.0.1 -p "$redis_port" info server | awk -F: '/^redis_version/ { sub(/\r/, "", $2); print $2 }')  TEST_REDIS_URL=$redis_url"
if [ "${SKIP_CHROMIUM:-0}" != 1 ]; then
  echo "  $("$chromium_path" --version 2>/dev/null || echo 'Chromium (version unknown)')  CHROMIUM_PATH=$chromium_path"
fi
