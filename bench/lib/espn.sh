# bench/run espn (sourced): the ESPN source's benchmarks, written to $RESULTS_DIR/espn.md.
#   1. parse: EspnParser alone and with GameStore's write (SQLite) on the largest shared scoreboard and the
#      summary, p50/p99 (endzone-bench-espn-parse), against Python's json.loads on the same bytes (jsonload.py)
#   2. latency: published change -> ScoreboardModel dataChanged on the shared live 2022 Sunday, over Redis and
#      over the API's SSE stream (endzone-bench-latency --espn-week); the scorestrip-like week alongside
#   3. backfill: 2015-2025 from `endzone-feed --format espn --dir` at 100 ms latency, --concurrency 4, against
#      1.2 x (requests / 4) x 100 ms; the seasons are written by endzone-bench-espn-season
#   4. memory: max RSS (/usr/bin/time -v) of `endzone-fetch --details` for 1, 3 and 11 seasons at 0 ms latency
# Everything passes --source espn: common.sh exports ENDZONE_SOURCE=scorestrip for the other benchmarks.
#
# The helpers need the test support library (a real Redis for the latency harness), which the other
# benchmarks' Release build leaves out, so this one builds its own tree: RelWithDebInfo with ccache, app and
# tests on (ccache then shares objects with the developers' trees), only the five targets it runs.

ESPN_BUILD_DIR=${BENCH_ESPN_BUILD_DIR:-$ROOT/build-bench}
ESPN_BIN=$ESPN_BUILD_DIR/bin
ESPN_DATA=${ENDZONE_ESPN_DATA:-$ROOT/../shared/data/espn}
ESPN_ITERATIONS=${ESPN_ITERATIONS:-500}             # parses per document (and json.loads runs)
ESPN_STORE_ITERATIONS=${ESPN_STORE_ITERATIONS:-200} # parse-and-store runs per variant
ESPN_CHANGES=${ESPN_CHANGES:-500}                   # timed live changes per path
ESPN_BACKFILL_RUNS=${ESPN_BACKFILL_RUNS:-3}         # backfills of 2015-2025 at 100 ms
ESPN_MEMORY_SETS=${ESPN_MEMORY_SETS:-2015 2015-2017 2015-2025}
ESPN_SCOREBOARD=scoreboard-2021-reg-3-pre.json ESPN_SUMMARY=summary-401547505.json
ESPN_LIVE=scoreboard-2022-reg-1-live.json
ESPN_FEED_PORT=18160 ESPN_FEED_FAST_PORT=18161 ESPN_FEED_NODELAY_PORT=18162 ESPN_FEED_NODELAY_FAST_PORT=18163
ESPN_LATENCY_MS=100 ESPN_CONCURRENCY=4

build_espn() {
    if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
        local launcher=()
        command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        log "building the ESPN benchmark's targets (RelWithDebInfo) in $ESPN_BUILD_DIR"
        cmake -S "$ROOT" -B "$ESPN_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
            -DENDZONE_BUILD_APP=ON -DENDZONE_BUILD_TESTS=ON >/dev/null
        cmake --build "$ESPN_BUILD_DIR" -j "${BENCH_JOBS:-2}" --target endzone-feed endzone-fetch endzone-bench-latency \
            endzone-bench-espn-parse endzone-bench-espn-season >"$ESPN_BUILD_DIR/bench-espn-build.log" 2>&1 \
            || { tail -n 30 "$ESPN_BUILD_DIR/bench-espn-build.log" >&2; die "build failed"; }
    fi
    local b
    for b in endzone-feed endzone-fetch endzone-bench-latency endzone-bench-espn-parse endzone-bench-espn-season; do
        [ -x "$ESPN_BIN/$b" ] || die "$ESPN_BIN/$b is missing"
    done
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

espn_cmd() {  # espn_cmd CMD...: logs the command (paths shortened) to $WORK/espn-commands.txt, then runs it
    echo "$*" | sed -e "s#$ESPN_BIN/#bin/#g" -e "s#$WORK/#WORK/#g" -e "s#$ESPN_DATA/#espn/#g" -e "s#$BENCH/#bench/#g" \
        >>"$WORK/espn-commands.txt"
    "$@"
}

start_espn_feed() {  # start_espn_feed PORT LATENCY_MS DIR [ENV...]: logs every request (endzone.feed debug); pid in LAST_PID
    local port=$1 latency=$2 dir=$3; shift 3
    port_free "$port"
    echo "$* QT_LOGGING_RULES=endzone.feed.debug=true $ESPN_BIN/endzone-feed --format espn --dir $dir --listen 127.0.0.1:$port --latency-ms $latency" \
        | sed -e "s#$ESPN_BIN/#bin/#g" -e "s#$WORK/#WORK/#g" -e 's/^ //' >>"$WORK/espn-commands.txt"
    start_bg "espn-feed-$port" env "$@" QT_LOGGING_RULES="endzone.feed.debug=true" \
        "$ESPN_BIN/endzone-feed" --format espn --dir "$dir" --listen "127.0.0.1:$port" --latency-ms "$latency"
    wait_port "$port" "$LAST_PID"
}

feed_requests() { grep -cE 'ESPN (scoreboard|summary)' "$WORK/espn-feed-$1.log" || true; }  # feed_requests PORT

espn_fetch() {  # espn_fetch LABEL PORT SEASONS [ARGS...]: one timed fetch into a fresh SQLite file
    # Appends "label seasons wall_s max_rss_kib requests user_s sys_s" to $WORK/espn-fetch.txt.
    local label=$1 port=$2 seasons=$3; shift 3
    local db=$WORK/espn-$label.sqlite before after out=$WORK/espn-fetch-$label.txt
    rm -f "$db" "$db"-*
    before=$(feed_requests "$port")
    espn_cmd /usr/bin/time -v -o "$WORK/espn-time-$label.txt" "$ESPN_BIN/endzone-fetch" "$seasons" --source espn \
        --feed "http://127.0.0.1:$port" --concurrency "$ESPN_CONCURRENCY" --quiet --database "sqlite://$db" "$@" \
        >"$out" 2>&1 || { cat "$out" >&2; die "endzone-fetch $seasons failed ($label)"; }
    after=$(feed_requests "$port")
    local wall rss user sys
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$WORK/espn-time-$label.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/espn-time-$label.txt")
    user=$(awk -F': ' '/User time/ {print $2}' "$WORK/espn-time-$label.txt")
    sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/espn-time-$label.txt")
    echo "$label $seasons $wall $rss $((after - before)) $user $sys $(loadavg | cut -d' ' -f1)" >>"$WORK/espn-fetch.txt"
    log "fetch $label $seasons: ${wall}s, max RSS ${rss} KiB, $((after - before)) requests: $(grep -m1 '^Stored' "$out")"
}

bench_espn() {
    local out=$RESULTS_DIR/espn.md raw=$RESULTS_DIR/raw/espn
    mkdir -p "$raw"
    rm -f "$raw"/*
    build_espn
    [ -f "$ESPN_DATA/$ESPN_SCOREBOARD" ] || die "the shared ESPN documents are not in $ESPN_DATA (set ENDZONE_ESPN_DATA)"
    : >"$WORK/espn-commands.txt"
    : >"$WORK/espn-fetch.txt"
    : >"$WORK/espn-loads.txt"

    # --- 1. parse (and store) vs json.loads --------------------------------------------------------------
    echo "parse $(loadavg)" >>"$WORK/espn-loads.txt"
    log "1. parse: $ESPN_ITERATIONS parses per document, $ESPN_STORE_ITERATIONS parse-and-store runs (load $(loadavg))"
    espn_cmd "$ESPN_BIN/endzone-bench-espn-parse" --scoreboard "$ESPN_DATA/$ESPN_SCOREBOARD" --summary "$ESPN_DATA/$ESPN_SUMMARY" \
        --iterations "$ESPN_ITERATIONS" --store-iterations "$ESPN_STORE_ITERATIONS" >"$raw/parse.txt" 2>"$WORK/parse.log" \
        || { cat "$WORK/parse.log" >&2; die "endzone-bench-espn-parse failed"; }
    espn_cmd "$PY" "$BENCH/espn/jsonload.py" --iterations "$ESPN_ITERATIONS" "$ESPN_DATA/$ESPN_SCOREBOARD" \
        "$ESPN_DATA/$ESPN_SUMMARY" >"$raw/jsonload.txt" || die "jsonload.py failed"
    # The same pair once more, the other way round, so that neither always runs on the quieter machine.
    espn_cmd "$PY" "$BENCH/espn/jsonload.py" --iterations "$ESPN_ITERATIONS" "$ESPN_DATA/$ESPN_SCOREBOARD" \
        "$ESPN_DATA/$ESPN_SUMMARY" >"$raw/jsonload-2.txt" || die "jsonload.py failed"
    espn_cmd "$ESPN_BIN/endzone-bench-espn-parse" --scoreboard "$ESPN_DATA/$ESPN_SCOREBOARD" --summary "$ESPN_DATA/$ESPN_SUMMARY" \
        --iterations "$ESPN_ITERATIONS" --store-iterations "$ESPN_STORE_ITERATIONS" >"$raw/parse-2.txt" 2>"$WORK/parse.log" \
        || { cat "$WORK/parse.log" >&2; die "endzone-bench-espn-parse failed"; }
    cat "$raw/parse.txt" "$raw/jsonload.txt" "$raw/jsonload-2.txt" "$raw/parse-2.txt" | sed 's/^/    /' >&2

    # --- 2. publish -> dataChanged on the live 2022 Sunday ---------------------------------------------------
    echo "latency $(loadavg)" >>"$WORK/espn-loads.txt"
    log "2. latency: $ESPN_CHANGES changes per path (load $(loadavg))"
    : >"$raw/latency.txt"
    local path
    for path in redis sse; do
        if [ "$path" = redis ] && ! command -v redis-server >/dev/null; then log "no redis-server: Redis path skipped"; continue; fi
        espn_cmd env QT_QPA_PLATFORM=offscreen "$ESPN_BIN/endzone-bench-latency" --path "$path" --changes "$ESPN_CHANGES" \
            --espn-week "$ESPN_DATA/$ESPN_LIVE" >>"$raw/latency.txt" 2>"$WORK/latency-$path.log" \
            || { tail -n 5 "$WORK/latency-$path.log" >&2; die "endzone-bench-latency --path $path --espn-week failed"; }
        espn_cmd env QT_QPA_PLATFORM=offscreen "$ESPN_BIN/endzone-bench-latency" --path "$path" --changes "$ESPN_CHANGES" \
            >>"$raw/latency.txt" 2>"$WORK/latency-$path-scorestrip.log" \
            || { tail -n 5 "$WORK/latency-$path-scorestrip.log" >&2; die "endzone-bench-latency --path $path failed"; }
    done
    sed 's/^/    /' "$raw/latency.txt" >&2

    # --- 3. backfill 2015-2025 at 100 ms, concurrency 4 ------------------------------------------------------
    echo "backfill $(loadavg)" >>"$WORK/espn-loads.txt"
    local feed=$WORK/espn-feed gen
    log "3. writing the synthetic seasons 2015-2025 (scoreboards and summaries) into $feed"
    gen=$(espn_cmd "$ESPN_BIN/endzone-bench-espn-season" --out "$feed" --summaries 2015-2025) || die "endzone-bench-espn-season failed"
    echo "$gen" >"$raw/generated.txt"
    log "generated: $gen ($(du -sh "$feed" | cut -f1))"
    start_espn_feed "$ESPN_FEED_PORT" "$ESPN_LATENCY_MS" "$feed"
    local slow_pid=$LAST_PID
    start_espn_feed "$ESPN_FEED_FAST_PORT" 0 "$feed"
    local fast_pid=$LAST_PID
    # One untimed run first: endzone-feed reads each file on first use and keeps it.
    espn_fetch warmup "$ESPN_FEED_PORT" 2015-2025
    local i
    for i in $(seq "$ESPN_BACKFILL_RUNS"); do espn_fetch "backfill-$i" "$ESPN_FEED_PORT" 2015-2025; done
    espn_fetch warmup-0ms "$ESPN_FEED_FAST_PORT" 2015-2025
    for i in $(seq "$ESPN_BACKFILL_RUNS"); do espn_fetch "store-$i" "$ESPN_FEED_FAST_PORT" 2015-2025; done
    # Diagnostic: the same feed with TCP_NODELAY on its connections (bench/espn/nodelay.c, LD_PRELOAD), to show
    # what the ~40 ms per kept-alive response (Nagle's algorithm against the client's delayed ACK) costs.
    if command -v gcc >/dev/null && gcc -O2 -shared -fPIC -o "$WORK/nodelay.so" "$BENCH/espn/nodelay.c" -ldl; then
        start_espn_feed "$ESPN_FEED_NODELAY_PORT" "$ESPN_LATENCY_MS" "$feed" LD_PRELOAD="$WORK/nodelay.so"
        local nodelay_pid=$LAST_PID
        espn_fetch nodelay-warmup "$ESPN_FEED_NODELAY_PORT" 2015-2025
        for i in $(seq "$ESPN_BACKFILL_RUNS"); do espn_fetch "nodelay-$i" "$ESPN_FEED_NODELAY_PORT" 2015-2025; done
        stop_pid "$nodelay_pid"; forget_pid "$nodelay_pid"
        # ... and at 0 ms: the client's own cost (fetch, parse, store) without the feed's delays.
        start_espn_feed "$ESPN_FEED_NODELAY_FAST_PORT" 0 "$feed" LD_PRELOAD="$WORK/nodelay.so"
        nodelay_pid=$LAST_PID
        espn_fetch nodelay-0ms-warmup "$ESPN_FEED_NODELAY_FAST_PORT" 2015-2025
        for i in $(seq "$ESPN_BACKFILL_RUNS"); do espn_fetch "nodelay-0ms-$i" "$ESPN_FEED_NODELAY_FAST_PORT" 2015-2025; done
        stop_pid "$nodelay_pid"; forget_pid "$nodelay_pid"
    fi

    # --- 4. max RSS of --details backfills of 1, 3 and 11 seasons at 0 ms -----------------------------------
    echo "memory $(loadavg)" >>"$WORK/espn-loads.txt"
    log "4. memory: endzone-fetch --details for $ESPN_MEMORY_SETS (load $(loadavg))"
    espn_fetch details-warmup "$ESPN_FEED_FAST_PORT" 2015-2025 --details
    local set
    for set in $ESPN_MEMORY_SETS; do
        espn_fetch "details-$set" "$ESPN_FEED_FAST_PORT" "$set" --details
        espn_fetch "nodetails-$set" "$ESPN_FEED_FAST_PORT" "$set"
    done
    local feed_rss
    feed_rss=$(rss_kib "$fast_pid")
    for p in "$slow_pid" "$fast_pid"; do stop_pid "$p"; forget_pid "$p"; done
    echo "end $(loadavg)" >>"$WORK/espn-loads.txt"
    cp "$WORK/espn-fetch.txt" "$WORK/espn-loads.txt" "$raw/"
    cp "$WORK"/espn-fetch-*.txt "$WORK"/espn-time-*.txt "$raw/" 2>/dev/null || true
    sed "s#$WORK/#WORK/#g" -i "$raw"/espn-time-*.txt

    # --- report -------------------------------------------------------------------------------------------
    {
        echo "# ESPN source benchmarks"
        echo
        echo "Written by \`bash bench/run espn\`. Every figure is from one run on this machine; the load average is given for each part, because the 2 cores are shared with other engineers' builds and tests."
        echo
        echo "- date: $(date -u +%FT%TZ)"
        echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
        echo "- Endzone: commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes in src/'), RelWithDebInfo (-O2 -g) build in \`$ESPN_BUILD_DIR\`, Qt $(qtpaths6 --qt-query QT_VERSION 2>/dev/null || echo 6.4), GCC $(gcc -dumpversion); Python $($PY -c 'import sys; print(sys.version.split()[0])') (\`$PY\`)"
        echo "- load average (1/5/15 min) at the start of each part:"
        awk '{printf "  %s %s %s %s;", $1, $2, $3, $4} END {print ""}' "$WORK/espn-loads.txt"
        echo
        $PY "$BENCH/espn/report.py" "$raw" "$ESPN_LATENCY_MS" "$ESPN_CONCURRENCY" "$feed_rss"
        echo
        echo "## Commands"
        echo
        echo "Paths shortened: \`bin/\` is \`$ESPN_BIN/\`, \`espn/\` \`../shared/data/espn/\`, \`WORK/\` the run's temporary folder."
        echo
        echo '```sh'
        cat "$WORK/espn-commands.txt"
        echo '```'
        echo
        echo "Raw output: \`bench/results/raw/espn/\` (\`parse*.txt\`, \`jsonload*.txt\`, \`latency.txt\`, \`espn-fetch.txt\`: label, seasons, wall s, max RSS KiB, feed requests, user s, sys s, load; \`espn-time-*.txt\`: \`/usr/bin/time -v\`)."
    } >"$out"
    log "wrote $out"
}
