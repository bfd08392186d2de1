#!/usr/bin/env bash
# Run a command with throw-away PostgreSQL servers for the server-engine tests.
#
#   .ci/postgres.sh .venv/bin/python -m pytest      # servers up, run, servers down
#   .ci/postgres.sh                                 # servers up until Ctrl-C (prints the URLs)
#
# Starts, on loopback ports under a temporary folder:
#   - one single server                    -> SEARCHER_TEST_PG
#   - a coordinator and two shard servers  -> SEARCHER_TEST_PG_CLUSTER (the coordinator)
#                                             SEARCHER_TEST_PG_SHARDS (shard URLs, space-separated)
# PostgreSQL, with its contrib extensions and RUM, is installed from the distribution's
# packages when missing.  initdb and the
# server refuse to run as root, so as root they run as the `postgres` user.  Every server
# started here is stopped on exit, whatever the exit.
set -euo pipefail

PG_DB=searcher
PG_USER=searcher

find_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir="$(pg_config --bindir)"
        [[ -x "$dir/initdb" ]] && { echo "$dir"; return; }
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$dir/initdb" ]] && { echo "$dir"; return; }
    done
}

BINDIR="$(find_bindir || true)"
if [[ -z "$BINDIR" ]]; then
    echo "postgres.sh: installing PostgreSQL from the distribution's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql postgresql-contrib >&2
    BINDIR="$(find_bindir)"
fi

# RUM (ranking and phrases in the index), for the server's major version; the engine works
# without it, slower, and says so
MAJOR="$("$BINDIR/postgres" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')"
SHAREDIR="$("$BINDIR/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$MAJOR")"
if [[ ! -f "$SHAREDIR/extension/rum.control" ]]; then
    echo "postgres.sh: installing postgresql-$MAJOR-rum" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -qq "postgresql-$MAJOR-rum" \
        || { apt-get update -qq && apt-get install -y -qq "postgresql-$MAJOR-rum"; }; } >&2 \
        || echo "postgres.sh: no postgresql-$MAJOR-rum package: testing without RUM" >&2
fi

RUN_AS=()
if [[ "$(id -u)" == 0 ]]; then
    RUN_AS=(runuser -u postgres --)
fi

WORKDIR="$(mktemp -d "${TMPDIR:-/tmp}/searcher-pg.XXXXXX")"
chmod 755 "$WORKDIR"
[[ "$(id -u)" == 0 ]] && chown postgres: "$WORKDIR"
STARTED=()

stop_all() {
    local status=$?
    local dir
    for dir in "${STARTED[@]}"; do
        "${RUN_AS[@]}" "$BINDIR/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true
    done
    rm -rf "$WORKDIR"
    exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

PORT="${SEARCHER_TEST_PG_PORT:-55432}"
URL=""

# start NAME: a fresh server on the next free port, with database $PG_DB owned by the
# superuser $PG_USER; its URL is left in $URL
start() {
    local name=$1 dir="$WORKDIR/$1" port
    while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
    port=$PORT
    PORT=$((PORT + 1))
    "${RUN_AS[@]}" "$BINDIR/initdb" -D "$dir" -U "$PG_USER" -A trust -E UTF8 \
        --locale=C.UTF-8 >"$WORKDIR/$name.initdb.log" 2>&1 \
        || { cat "$WORKDIR/$name.initdb.log" >&2; return 1; }
    cat >>"$dir/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$WORKDIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 64MB
EOF
    STARTED+=("$dir")
    "${RUN_AS[@]}" "$BINDIR/pg_ctl" -D "$dir" -l "$WORKDIR/$name.log" -w -t 60 start >/dev/null \
        || { cat "$WORKDIR/$name.log" >&2; return 1; }
    "${RUN_AS[@]}" "$BINDIR/createdb" -h 127.0.0.1 -p "$port" -U "$PG_USER" "$PG_DB"
    URL="postgresql://$PG_USER@127.0.0.1:$port/$PG_DB"
}

start single
SEARCHER_TEST_PG="$URL"
start coordinator
SEARCHER_TEST_PG_CLUSTER="$URL"
start shard1
SEARCHER_TEST_PG_SHARDS="$URL"
start shard2
SEARCHER_TEST_PG_SHARDS="$SEARCHER_TEST_PG_SHARDS $URL"
export SEARCHER_TEST_PG SEARCHER_TEST_PG_CLUSTER SEARCHER_TEST_PG_SHARDS

if [[ $# -eq 0 ]]; then
    echo "export SEARCHER_TEST_PG='$SEARCHER_TEST_PG'"
    echo "export SEARCHER_TEST_PG_CLUSTER='$SEARCHER_TEST_PG_CLUSTER'"
    echo "export SEARCHER_TEST_PG_SHARDS='$SEARCHER_TEST_PG_SHARDS'"
    echo "# servers up until interrupted" >&2
    while true; do sleep 3600 & wait $!; done
fi

"$@"
