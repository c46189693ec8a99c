# bench/run failover (sourced; also the last step of bench/run fleet): issue 12's failover, written as a section of
# $RESULTS_DIR/fleet.md. endzone-sseload (bench/sseload) opens N clients through nginx to three endzone-server
# processes; each comes back after a lost connection with Last-Event-ID, as EventSource does. Two writers feed
# the Redis Stream: the watcher (a fourth process, --watch, on a synthetic live Sunday at 120x; endzone-feed's
# Cache-Control max-age of 13 s lets it publish at most every 13 s: week envelopes, so `update` and `game` events)
# and a probe of 4,600 bytes every FAILOVER_PROBE_S (2 s) with XADD (one `update` event each, the throughput
# step's size), so events keep flowing across the kill.
# One server is SIGKILLed once every client has an event; publishing goes on, then the clients drain and report.
# Duplicates, gaps, events outside the stream's order, snapshots and clients that never resumed must all be 0.

FAILOVER_N=${FAILOVER_N:-${FLEET_N:-10000}}
FAILOVER_KILL_AFTER_S=${FAILOVER_KILL_AFTER_S:-5}   # after every client has its first event
FAILOVER_AFTER_S=${FAILOVER_AFTER_S:-20}            # publishing goes on this long after the kill
FAILOVER_PROBE_S=${FAILOVER_PROBE_S:-2}             # seconds between probes
FAILOVER_REPEAT=${FAILOVER_REPEAT:-2}               # runs, each with fresh servers and a fresh stream
FAILOVER_WATCH_PORT=18155 FAILOVER_FEED_PORT=18156
FAILOVER_STREAM=endzone:live:stream                 # LiveBus::DefaultStream, what the servers read

failover_probes() {  # one 4,600-byte raw message on the stream every FAILOVER_PROBE_S, at most 600
    local i pad
    pad=$(printf '%4575s' '' | tr ' ' x)
    for i in $(seq 600); do
        rcli XADD "$FAILOVER_STREAM" MAXLEN '~' 10000 '*' payload "{\"probe\":$i,\"pad\":\"$pad\"}" >/dev/null || true
        sleep "$FAILOVER_PROBE_S"
    done
}

failover_clients() {  # failover_clients PORT: SSE clients one server holds
    curl -sf "http://127.0.0.1:$1/api/" | $PY -c 'import json, sys; print(json.load(sys.stdin)["live"]["clients"])' 2>/dev/null || echo '?'
}

failover_wait_log() {  # failover_wait_log FILE PATTERN PID SECONDS
    local i
    for i in $(seq $(($4 * 10))); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        kill -0 "$3" 2>/dev/null || die "endzone-sseload ended early: $(tail -n 3 "$1")"
        sleep 0.1
    done
    die "no '$2' in $1 after $4 s"
}

failover_run() {  # failover_run REP: one run, from a fresh stream to the sseload result in $raw
    local rep=$1 raw=$RESULTS_DIR/raw/fleet i load
    rcli DEL "$FAILOVER_STREAM" >/dev/null
    port_free "$FAILOVER_FEED_PORT"
    start_bg "failover-feed-$rep" "$BIN/endzone-feed" --synthetic 2015 --listen "127.0.0.1:$FAILOVER_FEED_PORT" \
        --speed 120 --start 2015-09-13T17:10:00Z
    local feed=$LAST_PID
    wait_port "$FAILOVER_FEED_PORT" "$feed"
    port_free "$FAILOVER_WATCH_PORT"
    start_bg "failover-watcher-$rep" "$BIN/endzone-server" --listen "127.0.0.1:$FAILOVER_WATCH_PORT" \
        --redis "redis://127.0.0.1:$REDIS_PORT/0" --database "$PG_URL_BASE/ez_fleet" \
        --feed "http://127.0.0.1:$FAILOVER_FEED_PORT" --source scorestrip --channel endzone:live --watch \
        --poll-fast 1 --poll-slow 2
    local watcher=$LAST_PID
    wait_port "$FAILOVER_WATCH_PORT" "$watcher"
    local servers=()
    for i in 0 1 2; do fleet_server "failover-$rep-$i" "${FLEET_PORTS[$i]}"; servers+=("$LAST_PID"); done
    fleet_start_nginx

    failover_probes &
    local probes=$!
    PIDS+=("$probes")
    load=(--port "$NGINX_PORT" -n "$FAILOVER_N" --connect-rate 1000 --time-limit-s 300 --drain-s 15
        --backoff-ms 100 --jitter-ms 300 --label "failover-run$rep")
    log "run $rep: endzone-sseload N=$FAILOVER_N through nginx (load average $(cut -d' ' -f1 /proc/loadavg))"
    start_bg "failover-sseload-$rep" "$BIN/endzone-sseload" "${load[@]}"
    local sseload=$LAST_PID log_file=$WORK/failover-sseload-$rep.log
    failover_wait_log "$log_file" 'sseload: ready' "$sseload" 200
    sleep "$FAILOVER_KILL_AFTER_S"
    local killed_clients
    killed_clients=$(failover_clients "${FLEET_PORTS[0]}")
    log "kill -9 server 0 (pid ${servers[0]}, $killed_clients clients; the others $(failover_clients "${FLEET_PORTS[1]}") and $(failover_clients "${FLEET_PORTS[2]}"))"
    local killed_at
    killed_at=$(date +%s%3N)
    kill -KILL "${servers[0]}"
    wait "${servers[0]}" 2>/dev/null || true
    forget_pid "${servers[0]}"
    sleep "$FAILOVER_AFTER_S"
    stop_pid "$probes"; forget_pid "$probes"
    sleep 2 # the last probe's fan-out
    kill -INT "$sseload"
    failover_wait_log "$log_file" 'SSELOAD_RESULT' "$sseload" 60
    wait "$sseload" 2>/dev/null || true
    forget_pid "$sseload"
    echo "$raw/failover-run$rep.json:$killed_clients:$killed_at" >>"$WORK/failover-runs.txt"
    echo "endzone-sseload ${load[*]}" >>"$WORK/failover-commands.txt"
    stop_pid "$NGINX_PID"; forget_pid "$NGINX_PID"
    for i in 1 2; do stop_pid "${servers[$i]}"; forget_pid "${servers[$i]}"; done
    stop_pid "$watcher"; forget_pid "$watcher"
    stop_pid "$feed"; forget_pid "$feed"
    grep '^SSELOAD_RESULT ' "$log_file" | cut -d' ' -f2- >"$raw/failover-run$rep.json"
    grep -v '^SSELOAD_RESULT ' "$log_file" >"$raw/failover-sseload-run$rep.txt" || true
    grep -v '^sseload' "$log_file" | sed 's/^/    /' >&2 || true
    grep '^sseload ' "$log_file" >&2 || true
}

bench_failover() {
    local out=$RESULTS_DIR/fleet.md raw=$RESULTS_DIR/raw/fleet rep
    [ -x /usr/sbin/nginx ] || die "nginx is not installed (apt-get install nginx)"
    [ -x "$BIN/endzone-sseload" ] || die "$BIN/endzone-sseload is missing"
    mkdir -p "$raw"
    rm -f "$raw"/failover*
    fleet_setup
    local load_start
    load_start=$(cut -d' ' -f1-3 /proc/loadavg)
    : >"$WORK/failover-runs.txt"
    : >"$WORK/failover-commands.txt"
    for rep in $(seq "$FAILOVER_REPEAT"); do failover_run "$rep"; done
    local runs
    runs=$(tr '\n' ' ' <"$WORK/failover-runs.txt")

    local verdict
    verdict=$($PY "$BENCH/lib/report.py" failover-verdict $runs)
    {
        echo "<!-- failover: written by bench/lib/failover.sh -->"
        echo "## Failover: kill -9 of one server under $FAILOVER_N clients ($FAILOVER_REPEAT runs)"
        echo
        echo "Written by \`bash bench/run failover\` (also the last step of \`bash bench/run fleet\`). \`endzone-sseload\` (\`bench/sseload\`) opens $FAILOVER_N clients through the same nginx to three \`endzone-server\` processes; a client whose connection ends comes back after 100–400 ms with \`Last-Event-ID\` (a browser waits the announced \`retry\`, 3 s). The Redis Stream gets the watcher's week envelopes (a fourth process with \`--watch\` on \`endzone-feed --synthetic 2015 --speed 120\`; the feed's max-age lets it publish every 13 s at most) and a 4,600-byte probe every $FAILOVER_PROBE_S s (\`XADD\`). Once every client has an event, after ${FAILOVER_KILL_AFTER_S} s, server 0 (a third of the clients: see the table) gets \`kill -9\`; publishing goes on for ${FAILOVER_AFTER_S} s, then every client must catch up with the newest event (15 s at most). A cut client's first event back is the next one published after it reconnected (or a replay), so resume time includes up to $FAILOVER_PROBE_S s of waiting for the next probe. Gaps are counted against the union of the ids all clients received, from each client's first event to the newest. Latency is from the stream id's milliseconds (Redis's clock at \`XADD\`) to receipt, live events only; replayed events are those a reconnect brought whose id is older than the newest any client had when it reconnected (second figure: published before the reconnect asked, whether or not a client had them yet: under this load the fan-out lags by seconds, so this one is the fuller count); neither kind counts in the latency."
        echo
        echo "- date: $(date -u +%FT%TZ)"
        machine_block 2>/dev/null | grep -v '^- date:\|^- tools:' | sed "s/when this benchmark started: [^;]*;/when this step started: $load_start;/"
        echo "- tools: $(/usr/sbin/nginx -v 2>&1 | sed 's/.*: //'), Redis $(redis-server --version | sed 's/.*v=\([0-9.]*\).*/\1/'), PostgreSQL $(pg_sql -tAc 'SHOW server_version' postgres 2>/dev/null | cut -d' ' -f1), endzone-sseload from this commit"
        echo "- the machine is shared today: other engineers build on the same 2 cores during the run (see the load average)."
        echo
        $PY "$BENCH/lib/report.py" failover $runs
        echo
        echo "**$verdict**"
        echo
        echo '```sh'
        cat "$WORK/failover-commands.txt"
        echo '```'
        echo "<!-- /failover -->"
    } >"$WORK/failover.md"
    $PY "$BENCH/lib/report.py" splice "$out" "$WORK/failover.md"
    log "wrote the failover section of $out: $verdict"
    case $verdict in PASS*) ;; *) die "failover: $verdict" ;; esac
}
