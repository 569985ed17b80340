#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the store/API/server tests (Debian's postgresql,
# as root; see TOOLCHAIN.md). Usage:
#   scripts/pg-test.sh run <command…>   start a private server, run the command with DATABASE_URL
#                                       set, stop and delete that server (exit code: the command's)
#   scripts/pg-test.sh start            start a shared one and print `export DATABASE_URL=…`
#                                       (state in /tmp/kaoping-pg; reused if already running)
#   scripts/pg-test.sh stop             stop the shared one
#   scripts/pg-test.sh instance start|down|up|remove <dir>
#                                       a private server with its data in <dir> (a new path) for
#                                       tests that take the database away: `start` creates it and
#                                       prints its DATABASE_URL, `down` stops it (fast: every
#                                       connection is cut) keeping the data, `up` starts it again on
#                                       the same port, `remove` stops it and deletes <dir>
# `run` never touches the shared server, so several runs (or engineers) on one machine do not stop
# each other's databases. Port: KAOPING_PG_PORT, else the first free one from 54329 (run) / 54329
# (start). fsync stays on: the crash test is about durability.
set -euo pipefail

SHARED=/tmp/kaoping-pg

pg_bin() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "pg-test: installing Debian's postgresql…" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1
}

port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p
  for p in $(seq 54329 54399); do
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  echo "pg-test: no free port in 54329-54399" >&2
  return 1
}

# serve <bin> <data dir> <port>: start the server in <data dir> (already initialised).
serve() {
  local bin=$1 data=$2 port=$3
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
}

# launch <bin> <data dir> <port>: initdb, start, create the test database.
launch() {
  local bin=$1 data=$2 port=$3
  chown postgres:postgres "$data" && chmod 700 "$data"
  runuser -u postgres -- "$bin/initdb" -D "$data" -U postgres --auth=trust --no-sync >/dev/null
  serve "$bin" "$data" "$port"
  runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres kaoping_test
  echo "pg-test: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($data)" >&2
}

halt() {
  local bin=$1 data=$2
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$data"
}

start() {
  local bin data port
  bin=$(pg_bin)
  mkdir -p "$SHARED"
  if [ -f "$SHARED/datadir" ] && [ -f "$SHARED/port" ] &&
    runuser -u postgres -- "$bin/pg_ctl" -D "$(cat "$SHARED/datadir")" status >/dev/null 2>&1; then
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$(cat "$SHARED/port")/kaoping_test"
    return 0
  fi
  port=${KAOPING_PG_PORT:-$(free_port)}
  data=$(mktemp -d /tmp/kaoping-pg-data.XXXXXX)
  launch "$bin" "$data" "$port"
  echo "$data" >"$SHARED/datadir"
  echo "$port" >"$SHARED/port"
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/kaoping_test"
}

stop() {
  [ -f "$SHARED/datadir" ] || return 0
  halt "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)" "$(cat "$SHARED/datadir")"
  rm -rf "$SHARED"
}

run() {
  local bin data port
  bin=$(pg_bin)
  port=${KAOPING_PG_PORT:-$(free_port)}
  data=$(mktemp -d /tmp/kaoping-pg-run.XXXXXX)
  # Expanded now: the trap runs after this function's locals are gone.
  # shellcheck disable=SC2064
  trap "halt '$bin' '$data'" EXIT
  launch "$bin" "$data" "$port"
  DATABASE_URL="postgres://postgres@127.0.0.1:$port/kaoping_test" "$@"
}

instance() {
  local action=${1:-} data=${2:-} bin port
  [ -n "$data" ] || { echo "usage: $0 instance start|down|up|remove <dir>" >&2; exit 2; }
  bin=$(pg_bin)
  case "$action" in
    start)
      [ ! -e "$data" ] || { echo "pg-test: $data exists; give a new path" >&2; exit 2; }
      mkdir -p "$data"
      port=${KAOPING_PG_PORT:-$(free_port)}
      launch "$bin" "$data" "$port"
      # PostgreSQL ignores files it does not know in its data directory.
      echo "$port" >"$data/kaoping-port"
      echo "postgres://postgres@127.0.0.1:$port/kaoping_test"
      ;;
    down) runuser -u postgres -- "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null ;;
    up) serve "$bin" "$data" "$(cat "$data/kaoping-port")" ;;
    remove) halt "$bin" "$data" ;;
    *) echo "usage: $0 instance start|down|up|remove <dir>" >&2; exit 2 ;;
  esac
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  run) shift; run "$@" ;;
  instance) shift; instance "$@" ;;
  *) echo "usage: $0 run <command…> | start | stop | instance start|down|up|remove <dir>" >&2; exit 2 ;;
esac
