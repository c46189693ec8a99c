# bench/run api (sourced): issue 3a, written to $RESULTS_DIR/api.md.
# wrk -t2 -c64 -d10s --latency on a warm /api/season/2015/12: endzone-server (Redis + PostgreSQL) and the
# reference aiohttp app under gunicorn -w 2, runs interleaved (E, R, E, R, ...) so both see the same
# machine. Both serve the same data: the reference stack's synthetic 2015 fixtures (make_fixtures.py), which
# endzone-fetch imports first and the reference app caches in Redis on its first request.

WRK_ARGS=(-t2 -c64 -d10s --latency)

start_endzone_server() {  # start_endzone_server NAME PORT DB_URL: pid in LAST_PID
    port_free "$2"
    start_bg "$1" "$BIN/endzone-server" --listen "127.0.0.1:$2" --redis "redis://127.0.0.1:$REDIS_PORT/0" \
        --database "$3" --feed "http://127.0.0.1:$PEER_FEED_PORT" --channel endzone:live
    wait_port "$2" "$LAST_PID"
}

start_reference_app() {  # gunicorn aiohttp, 2 workers, Redis db 1 (its cache key is the same as Endzone's)
    port_free "$PEER_API_PORT"
    start_bg gunicorn-aio env PYTHONDONTWRITEBYTECODE=1 FEED_URL="http://127.0.0.1:$PEER_FEED_PORT/ajax/scorestrip" \
        REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1" CHANNEL=CHANNEL \
        gunicorn -k aiohttp.worker.GunicornWebWorker -w 2 -b "127.0.0.1:$PEER_API_PORT" --backlog 4096 \
        --graceful-timeout 5 --chdir "$PEERS" app:aio_app
    REF_PID=$LAST_PID
    wait_port "$PEER_API_PORT" "$REF_PID"
    local i
    for i in $(seq 100); do [ "$(pgrep -c -P "$REF_PID")" -ge 2 ] && break; sleep 0.1; done
}

check_week() {  # check_week URL LABEL: 200, 16 games; prints "bytes x-cache"
    local url=$1 headers body games
    headers=$(curl -sf -D - -o "$WORK/week.json" "$url") || die "$2: GET $url failed"
    games=$($PY -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/week.json")
    [ "$games" = 16 ] || die "$2: week 12 has $games games, expected 16"
    echo "$(stat -c %s "$WORK/week.json") $(echo "$headers" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" {print $2}')"
}

run_wrk() {  # run_wrk LABEL I URL PIDS...: one wrk run, appends "label i rps p50 p90 p99 avg non2xx errors cpu" to $WORK/wrk.txt
    local label=$1 i=$2 url=$3; shift 3
    local before=() after=() p cpu="" out=$WORK/wrk-$label-$i.txt
    for p in "$@"; do before+=("$(cpu_ticks "$p")"); done
    wrk "${WRK_ARGS[@]}" "$url" >"$out" 2>&1
    for p in "$@"; do after+=("$(cpu_ticks "$p")"); done
    for p in "${!before[@]}"; do cpu+="${cpu:+/}$(awk -v a="${after[p]}" -v b="${before[p]}" 'BEGIN {printf "%.1f", (a - b) / 100}')"; done
    echo "$label $i $($PY "$BENCH/lib/report.py" wrk "$out") $cpu" >>"$WORK/wrk.txt"
    log "wrk $label #$i: $(tail -n1 "$WORK/wrk.txt")"
}

bench_api() {
    local out=$RESULTS_DIR/api.md raw=$RESULTS_DIR/raw/api db=$PG_URL_BASE/ez_api
    mkdir -p "$raw"
    rm -f "$raw"/*.txt
    need_peers
    start_pg
    start_peer_feed "$PEER_FEED_PORT" 0
    rcli -n 0 flushdb >/dev/null
    rcli -n 1 flushdb >/dev/null
    pg_fresh_db ez_api
    "$BIN/endzone-fetch" 2015 --feed "http://127.0.0.1:$PEER_FEED_PORT" --database "$db" --concurrency 32 --quiet \
        >"$WORK/api-import.log" 2>&1 || { cat "$WORK/api-import.log" >&2; die "import for the API benchmark failed"; }

    start_endzone_server endzone-server "$API_PORT" "$db"
    local ez_pid=$LAST_PID ez_url=http://127.0.0.1:$API_PORT/api/season/2015/12
    start_reference_app
    local ref_url=http://127.0.0.1:$PEER_API_PORT/api/season/2015/12 ez_first ez_warm ref_warm
    ez_first=$(check_week "$ez_url" endzone-server)
    ez_warm=$(check_week "$ez_url" endzone-server)
    check_week "$ref_url" reference >/dev/null
    ref_warm=$(check_week "$ref_url" reference)
    local ez_rss0 ref_workers
    ez_rss0=$(rss_kib "$ez_pid")
    read -ra ref_workers <<<"$(worker_pids "$REF_PID")"
    log "endzone-server pid $ez_pid ($ez_first first, $ez_warm warm); reference workers ${ref_workers[*]}"

    : >"$WORK/wrk.txt"
    local i
    for i in $(seq "$WRK_REPEAT"); do
        run_wrk endzone "$i" "$ez_url" "$ez_pid"
        run_wrk reference "$i" "$ref_url" "${ref_workers[@]}"
    done
    local ez_rss1
    ez_rss1=$(rss_kib "$ez_pid")

    # Two endzone-server processes. QHttpServer 6.4 cannot set SO_REUSEPORT on its listening socket, so they
    # listen on two ports and two wrk (-t1 -c32 each) drive them at the same time; the figure is the sum.
    start_endzone_server endzone-server-2 "$API_PORT2" "$db"
    local ez2_pid=$LAST_PID ez2_url=http://127.0.0.1:$API_PORT2/api/season/2015/12
    check_week "$ez2_url" endzone-server-2 >/dev/null
    : >"$WORK/wrk2.txt"
    for i in 1 2 3; do
        wrk -t1 -c32 -d10s --latency "$ez_url" >"$WORK/wrk-two-a-$i.txt" 2>&1 &
        local wa=$!
        wrk -t1 -c32 -d10s --latency "$ez2_url" >"$WORK/wrk-two-b-$i.txt" 2>&1
        wait "$wa"
        echo "$i $($PY "$BENCH/lib/report.py" wrk "$WORK/wrk-two-a-$i.txt") $($PY "$BENCH/lib/report.py" wrk "$WORK/wrk-two-b-$i.txt")" >>"$WORK/wrk2.txt"
        log "two processes #$i: $(tail -n1 "$WORK/wrk2.txt")"
    done
    for p in "$ez2_pid" "$ez_pid" "$REF_PID"; do stop_pid "$p"; forget_pid "$p"; done
    cp "$WORK"/wrk-*.txt "$raw/"

    # --- report ---
    local ez_rps ref_rps ez_med ref_med ratio
    ez_rps=$(awk '$1 == "endzone" {print $3}' "$WORK/wrk.txt")
    ref_rps=$(awk '$1 == "reference" {print $3}' "$WORK/wrk.txt")
    ez_med=$($PY "$BENCH/lib/report.py" median $ez_rps)
    ref_med=$($PY "$BENCH/lib/report.py" median $ref_rps)
    ratio=$(awk -v a="$ez_med" -v b="$ref_med" 'BEGIN {printf "%.2f", a / b}')
    {
        echo "# Week API benchmark (issue 3a)"
        echo
        echo "Written by \`bash bench/run api\`. \`wrk ${WRK_ARGS[*]} URL\`, $WRK_REPEAT runs per server, interleaved Endzone / reference so both see the same machine state."
        echo
        machine_block
        echo
        echo "## Setup"
        echo
        echo "- Data: the reference stack's synthetic 2015 fixtures (\`make_fixtures.py\`, 349 games), served by \`feed_server.py\` on :$PEER_FEED_PORT; both servers get week 12 (16 games) from it."
        echo "- **Endzone**: \`endzone-fetch 2015\` imports the season into a fresh PostgreSQL database first; then one process \`endzone-server --listen 127.0.0.1:$API_PORT --redis redis://127.0.0.1:$REDIS_PORT/0 --database postgresql://…/ez_api --feed http://127.0.0.1:$PEER_FEED_PORT --channel endzone:live\`. Response $(echo "$ez_warm" | cut -d' ' -f1) bytes; first request served from \`X-Cache: $(echo "$ez_first" | cut -d' ' -f2)\`, warm from \`$(echo "$ez_warm" | cut -d' ' -f2)\` (a 2 s memory layer in front of Redis)."
        echo "- **Reference**: \`cd ../shared/peers && gunicorn -k aiohttp.worker.GunicornWebWorker -w 2 -b 127.0.0.1:$PEER_API_PORT --backlog 4096 --graceful-timeout 5 app:aio_app\` with \`REDIS_URL=redis://127.0.0.1:$REDIS_PORT/1\` (its own Redis database: both use the key \`scores:week:2015:REG:12\`), cache warmed by one request. Response $(echo "$ref_warm" | cut -d' ' -f1) bytes."
        echo "- One Redis $(redis-server --version | sed 's/.*v=\([0-9.]*\).*/\1/') (no persistence) and one PostgreSQL for both, all on 127.0.0.1. wrk runs on the same 2 cores."
        echo
        echo "## Results"
        echo
        echo "| server | run | req/s | latency p50 | p90 | p99 | avg | non-2xx | socket errors | server CPU s |"
        echo "|---|---|---|---|---|---|---|---|---|---|"
        awk '{printf "| %s | %s | %.0f | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10}' "$WORK/wrk.txt"
        echo
        echo "Server CPU is user+system seconds over the 10 s run (reference: one figure per gunicorn worker; a run where one worker took all 64 connections shows as N/0.0, RESULTS.md's \"lopsided\" runs)."
        echo
        echo "| server | median req/s | min – max | median p50 | median p99 |"
        echo "|---|---|---|---|---|"
        $PY "$BENCH/lib/report.py" wrk-summary "$WORK/wrk.txt" endzone reference
        echo
        echo "**Ratio Endzone / reference (medians): ${ratio}x. Target ≥ 4x: $(awk -v r="$ratio" 'BEGIN {print (r >= 4) ? "**pass**" : "**FAIL**"}').**"
        echo
        echo "endzone-server RSS: $((ez_rss0 / 1024)) MiB before the runs, $((ez_rss1 / 1024)) MiB after."
        echo
        echo "## Two endzone-server processes"
        echo
        echo "QHttpServer 6.4 offers no SO_REUSEPORT, so two processes cannot share one port; a second \`endzone-server\` (same Redis and database) listens on :$API_PORT2 and two \`wrk -t1 -c32 -d10s --latency\` run at the same time, one per process (64 connections in all). Sum of both:"
        echo
        echo "| run | req/s process 1 | req/s process 2 | total req/s | p99 1 / 2 |"
        echo "|---|---|---|---|---|"
        awk '{printf "| %s | %.0f | %.0f | %.0f | %.2f / %.2f ms |\n", $1, $2, $9, $2 + $9, $5, $12}' "$WORK/wrk2.txt"
        echo
        echo "Raw wrk output: \`bench/results/raw/api/\`."
    } >"$out"
    log "wrote $out"
}
