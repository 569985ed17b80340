#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the store/API tests (Debian's postgresql, as root;
# see TOOLCHAIN.md). Usage:
#   scripts/pg-test.sh run <command…>   start a server, run the command with DATABASE_URL set, stop it
#   scripts/pg-test.sh start            start one and print `export DATABASE_URL=…` (state in /tmp/kaoping-pg)
#   scripts/pg-test.sh stop             stop the server that `start` left running
# Environment: KAOPING_PG_PORT (default 54329). fsync stays on: the crash test is about durability.
set -euo pipefail

PORT="${KAOPING_PG_PORT:-54329}"
STATE=/tmp/kaoping-pg
URL="postgres://postgres@127.0.0.1:${PORT}/kaoping_test"

pg_bin() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "pg-test: installing Debian's postgresql…" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1
}

start() {
  local bin data
  bin=$(pg_bin)
  mkdir -p "$STATE"
  if [ -f "$STATE/datadir" ] && [ -d "$(cat "$STATE/datadir")" ]; then
    data=$(cat "$STATE/datadir")
    if runuser -u postgres -- "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "export DATABASE_URL=$URL"
      return 0
    fi
  fi
  data=$(mktemp -d /tmp/kaoping-pg-data.XXXXXX)
  chown postgres:postgres "$data" && chmod 700 "$data"
  runuser -u postgres -- "$bin/initdb" -D "$data" -U postgres --auth=trust --no-sync >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres kaoping_test
  echo "$data" >"$STATE/datadir"
  echo "pg-test: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($data)" >&2
  echo "export DATABASE_URL=$URL"
}

stop() {
  [ -f "$STATE/datadir" ] || return 0
  local bin data
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  data=$(cat "$STATE/datadir")
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$data" "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  run)
    shift
    eval "$(start)"
    export DATABASE_URL
    trap stop EXIT
    "$@"
    ;;
  *) echo "usage: $0 run <command…> | start | stop" >&2; exit 2 ;;
esac
