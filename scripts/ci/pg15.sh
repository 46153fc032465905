#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster (Debian's postgresql-15) for the compatibility run in CI.
#
#   scripts/ci/pg15.sh start   # prints DATABASE_URL on stdout (the only thing on stdout)
#   scripts/ci/pg15.sh stop    # stops the cluster and removes its directory
#   scripts/ci/pg15.sh status
#
# The cluster lives in a mktemp directory owned by `postgres`, listens on 127.0.0.1 only
# (first free port from PG15_PORT, default 55432), keeps its unix socket inside that
# directory and trusts local connections: it is for tests, never for data.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE_DIR="${PG15_STATE_DIR:-$ROOT/.tmp/pg15}"
STATE_FILE="$STATE_DIR/state"
PG_BIN="${PG15_BIN:-/usr/lib/postgresql/15/bin}"
PG_USER=postgres

log() { echo "pg15: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_postgres() {
  # From /, so `postgres` never has to read the (possibly private) working directory.
  if command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u "$PG_USER" -- "$@")
  else
    (cd / && su "$PG_USER" -s /bin/sh -c "$(printf '%q ' "$@")")
  fi
}

port_in_use() {
  # A successful connect means something listens there.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  [[ -x "$PG_BIN/postgres" ]] || die "$PG_BIN/postgres not found (apt-get install postgresql-15)"
  id -u "$PG_USER" >/dev/null 2>&1 || die "user '$PG_USER' does not exist"
  [[ $(id -u) -eq 0 ]] || die "must run as root (to act as '$PG_USER')"
  if [[ -f "$STATE_FILE" ]]; then
    log "a cluster from an earlier run is recorded in $STATE_FILE; stopping it first"
    stop || true
  fi

  local port="${PG15_PORT:-55432}" tries=0
  while port_in_use "$port"; do
    port=$((port + 1)); tries=$((tries + 1))
    ((tries < 100)) || die "no free port from ${PG15_PORT:-55432}"
  done

  local dir
  dir="$(mktemp -d /tmp/suilian-pg15.XXXXXX)"
  chmod 0755 "$dir"
  mkdir -p "$dir/data" "$dir/sock"
  chown -R "$PG_USER:" "$dir"
  mkdir -p "$STATE_DIR"
  printf 'DIR=%q\nPORT=%q\n' "$dir" "$port" >"$STATE_FILE"

  log "initdb in $dir/data"
  if ! as_postgres "$PG_BIN/initdb" -D "$dir/data" --auth=trust -U "$PG_USER" \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi

  # fsync and friends off: a throwaway test cluster, speed over durability.
  local opts="-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c max_connections=200"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  log "starting on 127.0.0.1:$port"
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$opts" -w -t 60 start >&2; then
    cat "$dir/server.log" >&2 || true
    die "pg_ctl start failed"
  fi
  if ! as_postgres "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$port" -U "$PG_USER" -t 30 >&2; then
    die "server does not answer on 127.0.0.1:$port"
  fi
  echo "postgres://$PG_USER@127.0.0.1:$port/postgres"
}

stop() {
  if [[ ! -f "$STATE_FILE" ]]; then
    log "no cluster recorded; nothing to stop"
    return 0
  fi
  local DIR="" PORT=""
  # shellcheck disable=SC1090
  source "$STATE_FILE"
  if [[ -n "$DIR" && -f "$DIR/data/postmaster.pid" ]]; then
    log "stopping cluster in $DIR"
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 60 stop >&2 \
      || as_postgres "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate -w -t 30 stop >&2 \
      || log "pg_ctl stop failed"
  fi
  if [[ -n "$DIR" && "$DIR" == /tmp/suilian-pg15.* ]]; then
    rm -rf "$DIR"
  fi
  rm -f "$STATE_FILE"
}

status() {
  [[ -f "$STATE_FILE" ]] || { echo "stopped"; return 3; }
  local DIR="" PORT=""
  # shellcheck disable=SC1090
  source "$STATE_FILE"
  as_postgres "$PG_BIN/pg_ctl" -D "$DIR/data" status
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
