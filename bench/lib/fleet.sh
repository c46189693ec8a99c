# bench/run fleet (sourced): issue 12, written to $RESULTS_DIR/fleet.md.
# Throughput: the same SSE load (sse_load: N clients, K messages of 4600 bytes published on Redis 1 s apart) through
# Debian's nginx (packaging/nginx/endzone.conf, only the ports changed) to three endzone-server processes on one
# Redis, and directly to one process, in the same run: what the proxy costs, and memory per connection in the
# servers. sse_load publishes with PUBLISH on the old channel, which every process still reads (docs/deploy.md).
# Then the failover step (bench/lib/failover.sh; `bench/run failover` alone): endzone-sseload's clients through
# nginx come back with Last-Event-ID like EventSource while one server is SIGKILLed; events go through the stream.

FLEET_N=${FLEET_N:-10000}
FLEET_K=${FLEET_K:-10}
FLEET_REPEAT=${FLEET_REPEAT:-2}
NGINX_PORT=18150 FLEET_PORTS=(18151 18152 18153) FLEET_DIRECT_PORT=18154

fleet_nginx_conf() {  # fleet_nginx_conf DIR: main config + the packaged site with our ports
    local dir=$1 servers="" p
    for p in "${FLEET_PORTS[@]}"; do servers+="server 127.0.0.1:$p;\n    "; done
    mkdir -p "$dir"
    {
        [ "$(id -u)" = 0 ] && echo "user root root;"
        # Two descriptors per client (client and upstream): one worker under this machine's hard limit of
        # $(ulimit -Hn) could not hold 10,000 clients, so one worker per core, each with the whole limit.
        echo "worker_processes auto;"
        echo "worker_rlimit_nofile $(ulimit -Hn);"
        echo "daemon off;"
        echo "pid $dir/nginx.pid;"
        echo "error_log $dir/error.log warn;"
        echo "events { worker_connections 30000; }"
        echo "http {"
        echo "    access_log off;"
        for t in client_body proxy fastcgi uwsgi scgi; do echo "    ${t}_temp_path $dir/$t;"; done
        sed -e "s#server 127.0.0.1:8000;#${servers%\\n    }#" -e "s#listen 80;#listen 127.0.0.1:$NGINX_PORT;#" \
            -e "/listen \[::\]:80;/d" "$ROOT/packaging/nginx/endzone.conf"
        echo "}"
    } >"$dir/nginx.conf"
    grep -q "server 127.0.0.1:${FLEET_PORTS[2]};" "$dir/nginx.conf" || die "packaging/nginx/endzone.conf changed"
}

fleet_setup() {  # once per bench/run: PostgreSQL, the feed the servers point at, their store
    [ -n "${FLEET_SETUP:-}" ] && return 0
    FLEET_SETUP=1
    start_pg
    start_synthetic_feed "$FEED_PORT" 0
    pg_fresh_db ez_fleet
}

fleet_start_nginx() {  # nginx in front of FLEET_PORTS; pid in NGINX_PID
    fleet_nginx_conf "$WORK/nginx"
    port_free "$NGINX_PORT"
    start_bg nginx /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
    NGINX_PID=$LAST_PID
    wait_port "$NGINX_PORT" "$NGINX_PID"
}

fleet_server() {  # fleet_server NAME PORT: one endzone-server on the shared Redis and store; pid in LAST_PID
    port_free "$2"
    start_bg "$1" "$BIN/endzone-server" --listen "127.0.0.1:$2" --redis "redis://127.0.0.1:$REDIS_PORT/0" \
        --database "$PG_URL_BASE/ez_fleet" --feed "http://127.0.0.1:$FEED_PORT" --source scorestrip --channel endzone:live
    wait_port "$2" "$LAST_PID"
}

fleet_wait_subscribers() {  # fleet_wait_subscribers N
    local i
    for i in $(seq 100); do [ "$(rcli pubsub numsub endzone:live | tail -n1)" -ge "$1" ] && return 0; sleep 0.1; done
    die "fewer than $1 subscribers on endzone:live"
}

fleet_rss_sum() {  # fleet_rss_sum PID+PID...: summed RSS in KiB
    local s=0 p
    for p in ${1//+/ }; do s=$((s + $(rss_kib "$p"))); done
    echo "$s"
}

fleet_run() {  # fleet_run LABEL PORT NUMSUB PROXY_PID|- SERVER_PIDS...: sse_load plus RSS before and at the peak
    local label=$1 port=$2 numsub=$3 proxy=$4; shift 4
    local pids=("$@") before=0 proxy_before=0 p sampler watch
    for p in "${pids[@]}"; do before=$((before + $(rss_kib "$p"))); done
    [ "$proxy" = - ] || proxy_before=$(fleet_rss_sum "$proxy")
    : >"$WORK/fleet-rss-$label.txt"
    ( while :; do
        s=0; for p in "${pids[@]}"; do s=$((s + $(rss_kib "$p"))); done
        echo "$s $([ "$proxy" = - ] && echo 0 || fleet_rss_sum "$proxy")" >>"$WORK/fleet-rss-$label.txt"
        sleep 0.2
    done ) &
    sampler=$!
    PIDS+=("$sampler")
    watch=("${pids[@]}")
    [ "$proxy" = - ] || watch+=(${proxy//+/ })
    run_sse_load "$label" "$FLEET_N" "$port" endzone:live "$numsub" "${watch[@]}" "$REDIS_PID"
    stop_pid "$sampler"; forget_pid "$sampler"
    local peak proxy_peak
    peak=$(sort -n -k1,1 "$WORK/fleet-rss-$label.txt" | tail -n1 | cut -d' ' -f1)
    proxy_peak=$(sort -n -k2,2 "$WORK/fleet-rss-$label.txt" | tail -n1 | cut -d' ' -f2)
    echo "$label $FLEET_N $before $peak $proxy_before $proxy_peak $(IFS=+; echo "${watch[*]}") $($PY "$BENCH/lib/report.py" sse "$WORK/sse-$label-$FLEET_N.json")" \
        >>"$WORK/fleet-rows.txt"
}

bench_fleet() {
    local out=$RESULTS_DIR/fleet.md raw=$RESULTS_DIR/raw/fleet rep i
    [ -x /usr/sbin/nginx ] || die "nginx is not installed (apt-get install nginx)"
    mkdir -p "$raw"
    rm -f "$raw"/*
    need_peers
    build_sse_load
    fleet_setup
    : >"$WORK/sse-commands.txt"
    : >"$WORK/fleet-rows.txt"
    SSE_K=$FLEET_K

    local servers=()
    for i in 0 1 2; do fleet_server "fleet-$i" "${FLEET_PORTS[$i]}"; servers+=("$LAST_PID"); done
    fleet_start_nginx
    local nginx_pid=$NGINX_PID
    fleet_wait_subscribers 3
    for rep in $(seq "$FLEET_REPEAT"); do
        fleet_run "nginx-3-run$rep" "$NGINX_PORT" 3 "$(pgrep -P "$nginx_pid" | tr '\n' '+' | sed 's/+$//')" "${servers[@]}"
        sleep 2
    done
    stop_pid "$nginx_pid"; forget_pid "$nginx_pid"
    for p in "${servers[@]}"; do stop_pid "$p"; forget_pid "$p"; done

    fleet_server fleet-direct "$FLEET_DIRECT_PORT"
    local direct=$LAST_PID
    fleet_wait_subscribers 1
    for rep in $(seq "$FLEET_REPEAT"); do
        fleet_run "direct-1-run$rep" "$FLEET_DIRECT_PORT" 1 - "$direct"
        sleep 2
    done
    stop_pid "$direct"; forget_pid "$direct"
    cp "$WORK"/sse-*.json "$WORK"/sse-*.txt "$WORK"/fleet-rss-*.txt "$WORK/nginx/nginx.conf" "$raw/" 2>/dev/null || true

    {
        echo "# Several servers behind nginx (issue 12)"
        echo
        echo "Written by \`bash bench/run fleet\`. \`sse_load\` opens $FLEET_N clients on \`/api/livescore\`, then publishes $FLEET_K messages of 4600 bytes on Redis 1 s apart; latency is publish → client received. **nginx-3**: Debian's nginx with \`packaging/nginx/endzone.conf\` (only the ports changed; config in \`raw/fleet/nginx.conf\`) in front of three \`endzone-server\` processes; **direct-1**: the same load on one process, no proxy. Everything shares the 2 cores: nginx, three servers, Redis and sse_load."
        echo
        machine_block
        echo
        echo "| run | N | ready (all headers) | errors | clients with all $FLEET_K events | events delivered | latency p50 | p90 | p99 | max | CPU while publishing (servers + nginx) |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|"
        $PY - "$WORK/fleet-rows.txt" <<'PYEOF'
import sys
for line in open(sys.argv[1]):
    parts = line.split()
    label, n, pids = parts[0], parts[1], parts[6]
    f = dict(p.split('=', 1) for p in parts[7:])
    cpu = sum(float(f.get('cpu_' + p, 0)) for p in pids.split('+'))
    print('| %s | %s | %s/%s in %s s | %s | %s | %s of %d | %s ms | %s ms | %s ms | %s ms | %.2f s over %s s |' % (
        label, n, f['ready'], f['n'], f['connect_s'], f['errors'], f['all_k'], f['delivered'],
        int(f['n']) * int(f['k']), f['p50'], f['p90'], f['p99'], f['max'], cpu, f['publish_s']))
PYEOF
        echo
        echo "**Memory per connection** (RSS sampled every 200 ms, before connecting and at the peak with all N connected; endzone-server summed over its processes, nginx's workers apart):"
        echo
        echo "| run | N | endzone-server RSS before → peak | endzone-server per connection | nginx workers RSS before → peak | nginx per connection |"
        echo "|---|---|---|---|---|---|"
        awk '{printf "| %s | %s | %.1f → %.1f MiB | %.1f KiB | %s | %s |\n", $1, $2, $3 / 1024, $4 / 1024, ($4 - $3) / $2, ($5 > 0 ? sprintf("%.1f → %.1f MiB", $5 / 1024, $6 / 1024) : "—"), ($5 > 0 ? sprintf("%.1f KiB", ($6 - $5) / $2) : "—")}' "$WORK/fleet-rows.txt"
        echo
        echo "## Commands"
        echo
        echo '```sh'
        cat "$WORK/sse-commands.txt"
        echo '```'
    } >"$out"
    log "wrote $out"
    bench_failover
}
