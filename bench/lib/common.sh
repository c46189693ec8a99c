# Shared by bench/run and bench/lib/*.sh (sourced, not run): settings, install, build, throwaway
# servers on 127.0.0.1, background processes with a cleanup trap, and the Markdown report helpers.
# Every process this file starts is remembered by pid and stopped by pid on exit, never by name.

# --- settings (env overrides) ------------------------------------------------------------------
ROOT=$(cd "$BENCH/.." && pwd)
PEERS=$(cd "${ENDZONE_PEERS:-$ROOT/../shared/peers}" 2>/dev/null && pwd || true)
ARCHIVE=${ENDZONE_ARCHIVE:-$ROOT/../shared/data/scorestrip/archive}
BUILD_DIR=${BENCH_BUILD_DIR:-$(cd "$ROOT/.." && pwd)/build-bench}
BIN=$BUILD_DIR/bin
RESULTS_DIR=${BENCH_RESULTS_DIR:-$BENCH/results}
PY=/usr/bin/python3
# The import, API and SSE benchmarks compare with the reference stack on scorestrip feeds; the ESPN
# benchmark (bench/lib/espn.sh) passes --source espn itself.
export ENDZONE_SOURCE=scorestrip
RUNS=${BENCH_RUNS:-10}              # hyperfine runs per command (after 1 warmup)
WRK_REPEAT=${BENCH_WRK_REPEAT:-5}   # wrk runs per server
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}

# Fixed loopback ports, outside the ephemeral range (32768-60999) so TIME_WAIT never blocks a restart.
PG_PORT=15432 REDIS_PORT=16379
FEED_PORT=18110 FEED_SLOW_PORT=18111 FEED_ARCHIVE_PORT=18112
PEER_FEED_PORT=18120 PEER_FEED_SLOW_PORT=18121
API_PORT=18130 API_PORT2=18131 SSE_PORT=18132
PEER_API_PORT=18140

PG_URL_BASE=postgresql://postgres@127.0.0.1:$PG_PORT

PIDS=()
PG_STARTED=0
WORK=""

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- cleanup ----------------------------------------------------------------------------------
stop_pid() {  # stop_pid PID: TERM, up to 10 s, then KILL. Only pids this script started.
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

forget_pid() {  # forget_pid PID: drop from the cleanup list after stopping it ourselves
    local keep=() p
    for p in "${PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}

cleanup() {
    local rc=$? i
    trap - EXIT INT TERM
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}"; done
    if [ "$PG_STARTED" = 1 ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
    if [ -n "$WORK" ] && [ -d "$WORK" ]; then
        if [ "${BENCH_KEEP:-0}" = 1 ] || [ "$rc" != 0 ]; then log "work files kept in $WORK"; else rm -rf "$WORK"; fi
    fi
    exit "$rc"
}

setup_work() {
    WORK=$(mktemp -d /tmp/endzone-bench.XXXXXX)
    chmod 755 "$WORK"   # the postgres user must reach its data dir inside
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
}

start_bg() {  # start_bg NAME CMD...: run in the background, log to $WORK/NAME.log; pid in LAST_PID
    local name=$1; shift
    "$@" >"$WORK/$name.log" 2>&1 &
    LAST_PID=$!
    PIDS+=("$LAST_PID")
}

wait_port() {  # wait_port PORT [PID]: up to 30 s for 127.0.0.1:PORT to accept; fails early if PID died
    local port=$1 pid=${2:-} i
    for i in $(seq 300); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then die "process $pid died before listening on $port"; fi
        sleep 0.1
    done
    die "nothing listens on 127.0.0.1:$port after 30 s"
}

port_free() {  # port_free PORT: refuse to run over somebody else's server
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then die "127.0.0.1:$1 is already in use"; fi
}

# --- install and build ------------------------------------------------------------------------
install_packages() {
    [ "${BENCH_NO_INSTALL:-0}" = 1 ] && return 0
    local packages=(wrk hyperfine postgresql redis-server gunicorn curl build-essential
        python3-aiohttp python3-redis python3-hiredis python3-asyncpg python3-aiopg python3-psycopg2
        python3-ujson python3-lxml python3-flask python3-requests time) missing=() p sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    bash "$ROOT/.ci/install-deps"    # Qt 6.4, QCoro, hiredis, the toolchain
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        log "installing: ${missing[*]}"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    fi
}

build_endzone() {
    if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
        log "building Endzone (Release) in $BUILD_DIR"
        cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DENDZONE_BUILD_TESTS=OFF >/dev/null
        cmake --build "$BUILD_DIR" -j "${BENCH_JOBS:-2}" --target endzone-feed endzone-fetch endzone-server endzone-sseload >"$BUILD_DIR/bench-build.log" 2>&1 \
            || { tail -n 30 "$BUILD_DIR/bench-build.log" >&2; die "build failed"; }
    fi
    local b
    for b in endzone-feed endzone-fetch endzone-server endzone-sseload; do [ -x "$BIN/$b" ] || die "$BIN/$b is missing"; done
}

build_sse_load() {  # builds ../shared/peers/sse_load in $WORK (the shared tree may be read-only)
    mkdir -p "$WORK/sse_load"
    cp "$PEERS/sse_load/sse_load.c" "$PEERS/sse_load/Makefile" "$WORK/sse_load/"
    make -s -C "$WORK/sse_load" >/dev/null
    SSE_LOAD=$WORK/sse_load/sse_load
}

need_peers() {
    [ -n "$PEERS" ] && [ -f "$PEERS/aio_app.py" ] || die "the reference stack is not at ../shared/peers (set ENDZONE_PEERS)"
}

# --- throwaway PostgreSQL and Redis -------------------------------------------------------------
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_pg() {  # default durability (fsync, synchronous_commit, full_page_writes all on)
    [ "$PG_STARTED" = 1 ] && return 0
    port_free "$PG_PORT"
    mkdir -p "$WORK/pg"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK/pg"
    chmod 700 "$WORK/pg"
    as_pg "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
    cat >>"$WORK/pg/postgresql.conf" <<EOF
# bench/lib/common.sh: loopback only, our own port and socket dir; durability settings left at their defaults
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$WORK/pg'
max_connections = 200
EOF
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w -t 30 start >/dev/null \
        || { tail -n 5 "$WORK/pg/server.log" >&2; die "PostgreSQL did not start"; }
    PG_STARTED=1
    log "PostgreSQL $(pg_sql -tAc 'SHOW server_version' postgres) on 127.0.0.1:$PG_PORT (fsync=$(pg_sql -tAc 'SHOW fsync' postgres))"
}

pg_sql() { psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }

pg_fresh_db() {  # pg_fresh_db NAME: drop and create
    pg_sql -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" postgres >/dev/null
}

start_redis() {  # no persistence; enough clients for the reference stack's one subscription per SSE client
    [ -n "${REDIS_PID:-}" ] && return 0
    port_free "$REDIS_PORT"
    mkdir -p "$WORK/redis"
    local maxclients=$(( $(ulimit -n) - 64 ))
    start_bg redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
        --daemonize no --dir "$WORK/redis" --maxclients "$maxclients" --tcp-backlog 4096
    REDIS_PID=$LAST_PID
    wait_port "$REDIS_PORT" "$REDIS_PID"
    log "Redis $(redis-server --version | sed 's/.*v=\([0-9.]*\).*/\1/') on 127.0.0.1:$REDIS_PORT (pid $REDIS_PID)"
}

rcli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }

# --- feeds --------------------------------------------------------------------------------------
start_synthetic_feed() {  # start_synthetic_feed PORT LATENCY_MS
    port_free "$1"
    start_bg "feed-synthetic-$1" "$BIN/endzone-feed" --synthetic 2015 --listen "127.0.0.1:$1" --latency-ms "$2"
    wait_port "$1" "$LAST_PID"
}

peer_fixtures() {  # the reference stack's synthetic 2015 (27 files, 349 games) in $WORK/peer-feed
    [ -d "$WORK/peer-feed" ] && return 0
    $PY "$PEERS/make_fixtures.py" "$WORK/peer-feed" >/dev/null
}

declare -A PEER_FEEDS=()
start_peer_feed() {  # start_peer_feed PORT LATENCY_MS: the reference stack's feed_server.py over its fixtures
    [ -n "${PEER_FEEDS[$1]:-}" ] && return 0
    peer_fixtures
    port_free "$1"
    PEER_FEEDS[$1]=1
    start_bg "peer-feed-$1" $PY "$PEERS/feed_server.py" --dir "$WORK/peer-feed" --port "$1" --latency-ms "$2"
    wait_port "$1" "$LAST_PID"
}

# --- report helpers -----------------------------------------------------------------------------
cpu_ticks() {  # cpu_ticks PID: utime+stime in clock ticks
    awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}

worker_pids() { pgrep -P "$1" | tr '\n' ' '; }   # a gunicorn master's workers

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

machine_block() {  # Markdown lines describing when and where
    local rev dirty=""
    rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null \
        || dirty=" with uncommitted changes in $(git -C "$ROOT" diff --name-only HEAD -- src | sed 's#^src/##' | tr '\n' ' ' | sed 's/ $//')"
    echo "- date: $(date -u +%FT%TZ)"
    echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
    echo "- load average (1/5/15 min) when this benchmark started: ${BENCH_LOAD_START:-?}; when it ended: $(cut -d' ' -f1-3 /proc/loadavg). Other work on this machine competes for the 2 cores."
    echo "- Endzone: commit $rev$dirty, Release build in \`$BUILD_DIR\`, Qt $(qtpaths6 --qt-query QT_VERSION 2>/dev/null || echo 6.4)"
    # A tool a partial run did not need may be missing: say so rather than print a broken line.
    local wrk_version hyperfine_version
    wrk_version=$(command -v wrk >/dev/null && wrk -v 2>&1 | head -n1 | awk '{print $1, $2}' || echo "wrk not installed")
    hyperfine_version=$(command -v hyperfine >/dev/null && hyperfine --version || echo "hyperfine not installed")
    echo "- tools: $wrk_version, $hyperfine_version, PostgreSQL $(pg_sql -tAc 'SHOW server_version' postgres 2>/dev/null || echo '?'), Redis $(redis-server --version | sed 's/.*v=\([0-9.]*\).*/\1/'), Python $($PY -c 'import sys; print(sys.version.split()[0])')"
}
