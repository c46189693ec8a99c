# bench/run sse (sourced): issue 3b, written to $RESULTS_DIR/sse.md.
# SSE fan-out with ../shared/peers/sse_load: N clients on /api/livescore, K messages of 4600 bytes published
# on Redis 1 s apart. endzone-server holds one Redis subscription per process (--numsub 1) and relays each
# payload as `event: update`. The reference app (one subscription per client) runs at SSE_PEER_N clients.

SSE_N=${SSE_N:-5000 10000}
SSE_PEER_N=${SSE_PEER_N:-5000}
SSE_K=${SSE_K:-10}
SSE_REPEAT=${SSE_REPEAT:-3}
SSE_ONE_THREAD_N=${SSE_ONE_THREAD_N-10000}   # also run endzone-server with --sse-threads 1 at these N ('' = skip)

rss_sampler() {  # rss_sampler PID FILE: "epoch_ms rss_kib" every 100 ms until killed or PID ends
    local pid=$1 file=$2
    while kill -0 "$pid" 2>/dev/null; do
        echo "$(date +%s%3N) $(rss_kib "$pid")" >>"$file"
        sleep 0.1
    done
}

endzone_sse_clients() { curl -sf "http://127.0.0.1:$SSE_PORT/api/" | $PY -c 'import json, sys; print(json.load(sys.stdin)["live"]["clients"])'; }

run_sse_load() {  # run_sse_load LABEL N PORT CHANNEL NUMSUB WATCH_PIDS...: JSON in $WORK/sse-LABEL-N.json
    local label=$1 n=$2 port=$3 channel=$4 numsub=$5; shift 5
    local watch=() p
    for p in "$@"; do watch+=(--watch-pid "$p"); done
    log "sse_load $label N=$n (load average $(cut -d' ' -f1 /proc/loadavg))"
    echo "$SSE_LOAD --port $port -n $n -k $SSE_K --size 4600 --interval-ms 1000 --numsub $numsub --redis-port $REDIS_PORT --channel $channel --time-limit-s 240 ${watch[*]}" \
        | sed "s#$WORK/##" >>"$WORK/sse-commands.txt"
    "$SSE_LOAD" --port "$port" -n "$n" -k "$SSE_K" --size 4600 --interval-ms 1000 --numsub "$numsub" \
        --redis-port "$REDIS_PORT" --channel "$channel" --time-limit-s 240 "${watch[@]}" \
        --json "$WORK/sse-$label-$n.json" >"$WORK/sse-$label-$n.txt" 2>&1 || true
    grep -v '^SSE_LOAD_RESULT' "$WORK/sse-$label-$n.txt" | sed 's/^/    /' >&2
    [ -s "$WORK/sse-$label-$n.json" ] || die "sse_load wrote no result for $label N=$n"
}

sse_endzone_series() {  # sse_endzone_series LABEL "N..." [SERVER ARGUMENTS...]: one endzone-server, sse_load per N
    local label=$1 ns=$2 n i; shift 2
    port_free "$SSE_PORT"
    start_bg "$label-server" "$BIN/endzone-server" --listen "127.0.0.1:$SSE_PORT" \
        --redis "redis://127.0.0.1:$REDIS_PORT/0" --database "$PG_URL_BASE/ez_sse" \
        --feed "http://127.0.0.1:$PEER_FEED_PORT" --channel endzone:live "$@"
    local ez_pid=$LAST_PID
    echo "# $label: endzone-server --listen 127.0.0.1:$SSE_PORT --redis redis://127.0.0.1:$REDIS_PORT/0 --database $PG_URL_BASE/ez_sse --feed http://127.0.0.1:$PEER_FEED_PORT --channel endzone:live $*   (pid $ez_pid)" >>"$WORK/sse-commands.txt"
    wait_port "$SSE_PORT" "$ez_pid"
    for i in $(seq 50); do [ "$(rcli pubsub numsub endzone:live | tail -n1)" -ge 1 ] && break; sleep 0.1; done
    for n in $ns; do
        for rep in $(seq "$SSE_REPEAT"); do
            local tag=$label
            [ "$SSE_REPEAT" = 1 ] || tag=$label-run$rep
            for i in $(seq 100); do [ "$(endzone_sse_clients)" = 0 ] && break; sleep 0.1; done
            # After an earlier run, the server hands freed pages back a second after its clients left
            # (LimitedTcpServer's malloc_trim): measure "before" once that happened.
            [ "$(rss_kib "$ez_pid")" -lt $((48 * 1024)) ] || sleep 2
            local before start sampler ready_rss peak json=$WORK/sse-$tag-$n.json
            before=$(rss_kib "$ez_pid")
            : >"$WORK/rss-$tag-$n.txt"
            rss_sampler "$ez_pid" "$WORK/rss-$tag-$n.txt" &
            sampler=$!
            PIDS+=("$sampler")
            start=$(date +%s%3N)
            run_sse_load "$tag" "$n" "$SSE_PORT" endzone:live 1 "$ez_pid" "$REDIS_PID"
            stop_pid "$sampler"; forget_pid "$sampler"
            # RSS once every client is connected (the first sample after "ready"), and the peak while publishing.
            ready_rss=$(awk -v t="$start" -v c="$($PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["connect_s"])' "$json")" \
                '$1 >= t + c * 1000 && !done {print $2; done = 1}' "$WORK/rss-$tag-$n.txt")
            peak=$(sort -k2,2n "$WORK/rss-$tag-$n.txt" | tail -n1 | cut -d' ' -f2)
            echo "$tag $n $before ${ready_rss:-0} ${peak:-0} $ez_pid $($PY "$BENCH/lib/report.py" sse "$json")" >>"$WORK/sse-rows.txt"
        done
    done
    stop_pid "$ez_pid"; forget_pid "$ez_pid"
}

bench_sse() {
    local out=$RESULTS_DIR/sse.md raw=$RESULTS_DIR/raw/sse n
    mkdir -p "$raw"
    rm -f "$raw"/*
    need_peers
    build_sse_load
    start_pg
    start_peer_feed "$PEER_FEED_PORT" 0
    pg_fresh_db ez_sse
    : >"$WORK/sse-commands.txt"
    : >"$WORK/sse-rows.txt"

    sse_endzone_series endzone "$SSE_N"
    # The same server writing each event from one thread only (by default it uses one per core, see
    # FanOutSender): what the threads are worth on this machine.
    if [ -n "$SSE_ONE_THREAD_N" ]; then sse_endzone_series endzone-1thread "$SSE_ONE_THREAD_N" --sse-threads 1; fi

    if [ "$SSE_PEER_N" -gt 0 ] 2>/dev/null; then
        start_reference_app
        echo "# reference: cd ../shared/peers && REDIS_URL=redis://127.0.0.1:$REDIS_PORT/1 CHANNEL=CHANNEL gunicorn -k aiohttp.worker.GunicornWebWorker -w 2 -b 127.0.0.1:$PEER_API_PORT --backlog 4096 --graceful-timeout 5 app:aio_app   (workers $(worker_pids "$REF_PID"))" >>"$WORK/sse-commands.txt"
        local workers
        read -ra workers <<<"$(worker_pids "$REF_PID")"
        run_sse_load reference "$SSE_PEER_N" "$PEER_API_PORT" CHANNEL "$SSE_PEER_N" "${workers[@]}" "$REDIS_PID"
        echo "reference $SSE_PEER_N 0 0 0 $(IFS=+; echo "${workers[*]}") $($PY "$BENCH/lib/report.py" sse "$WORK/sse-reference-$SSE_PEER_N.json")" \
            >>"$WORK/sse-rows.txt"
        stop_pid "$REF_PID"; forget_pid "$REF_PID"
    fi
    cp "$WORK"/sse-*.json "$WORK"/sse-*.txt "$WORK"/rss-*.txt "$raw/" 2>/dev/null || true

    {
        echo "# SSE fan-out benchmark (issue 3b)"
        echo
        echo "Written by \`bash bench/run sse\`. \`sse_load\` (../shared/peers/sse_load, built in a temp dir) opens N HTTP/1.1 clients on \`/api/livescore\` with \`Accept: text/event-stream\`, waits for every client's response headers (and for \`PUBSUB NUMSUB\` ≥ the server's subscriptions), then publishes $SSE_K messages of 4600 bytes on Redis 1 s apart. endzone-server runs on Qt's own poll() event dispatcher (it sets \`QT_NO_GLIB=1\` for itself). Latency is publish → client received (same host clock). sse_load, Redis and the server share the 2 cores."
        echo
        machine_block
        echo
        echo "- **Endzone**: one \`endzone-server --listen 127.0.0.1:$SSE_PORT --redis redis://127.0.0.1:$REDIS_PORT/0 --database postgresql://…/ez_sse --channel endzone:live\`: one Redis subscription per process, every payload relayed as \`event: update\` (\`--numsub 1\`). File descriptor limit: $(ulimit -n)."
        echo "- **endzone-1thread**: the same server with \`--sse-threads 1\`: every event is written to the clients from the event-loop thread alone, instead of from one thread per core (the default, \`FanOutSender\`). Nothing else differs."
        echo "- **Reference**: gunicorn aiohttp, 2 workers, one Redis subscription per client (\`--numsub N\`), as RESULTS.md runs it."
        echo
        echo "| server | N | ready (all headers) | errors | clients with all $SSE_K events | events delivered | latency p50 | p90 | p99 | max | fan-out (last client) median / max | server CPU while publishing | Redis CPU |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
        $PY - "$WORK/sse-rows.txt" "$REDIS_PID" <<'EOF'
import sys
redis_pid = sys.argv[2]
for line in open(sys.argv[1]):
    parts = line.split()
    label, n, pids = parts[0], parts[1], parts[5]
    f = dict(p.split('=', 1) for p in parts[6:])
    server_cpu = sum(float(f.get('cpu_' + p, 0)) for p in pids.split('+'))
    print('| %s | %s | %s/%s in %s s | %s | %s | %s of %d | %s ms | %s ms | %s ms | %s ms | %s / %s ms | %.2f s over %s s | %s s |' % (
        label, n, f['ready'], f['n'], f['connect_s'], f['errors'], f['all_k'], f['delivered'],
        int(f['n']) * int(f['k']), f['p50'], f['p90'], f['p99'], f['max'], f['fanout_median'], f['fanout_max'],
        server_cpu, f['publish_s'], f.get('cpu_' + redis_pid, '?')))
EOF
        echo
        echo "**Memory per connection** (endzone-server RSS, sampled every 100 ms):"
        echo
        echo "| server | N | RSS before connecting | RSS with all N connected | (connected − before) / N | peak RSS while publishing |"
        echo "|---|---|---|---|---|---|"
        awk '$1 ~ /^endzone/ {printf "| %s | %s | %.1f MiB | %.1f MiB | %.1f KiB | %.1f MiB |\n", $1, $2, $3 / 1024, $4 / 1024, ($4 - $3) / $2, $5 / 1024}' "$WORK/sse-rows.txt"
        echo
        echo "**Targets** (N = 10000): every client receives every event, p99 < 100 ms:"
        echo
        echo "| target | measured | result |"
        echo "|---|---|---|"
        $PY - "$WORK/sse-rows.txt" <<'EOF'
import sys
for line in open(sys.argv[1]):
    parts = line.split()
    if not parts[0].startswith('endzone') or parts[1] != '10000':
        continue
    f = dict(p.split('=', 1) for p in parts[6:])
    ok_all = f['all_k'] == f['n'] and f['errors'] == '0'
    print('| %s: all 10000 clients receive all %s events | %s clients with all, %s errors | %s |' % (
        parts[0], f['k'], f['all_k'], f['errors'], '**pass**' if ok_all else '**FAIL**'))
    print('| %s: p99 < 100 ms | %s ms | %s |' % (parts[0], f['p99'], '**pass**' if float(f['p99']) < 100 else '**FAIL**'))
EOF
        echo
        echo "## Commands"
        echo
        echo '```sh'
        cat "$WORK/sse-commands.txt"
        echo '```'
        echo
        echo "sse_load's own reports: \`bench/results/raw/sse/\`."
    } >"$out"
    log "wrote $out"
}
