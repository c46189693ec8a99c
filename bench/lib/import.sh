# bench/run import (sourced): issue 2's import benchmarks, written to $RESULTS_DIR/import.md.
#  (a) one season, 2015, with 100 ms and 0 ms of feed latency, SQLite and PostgreSQL, hyperfine;
#      the reference fetch_season.py the same way against its own fixtures and feed_server.py.
#  (b) the 1970-2014 archive served by endzone-feed --dir, into a fresh PostgreSQL / SQLite store.

# hyperfine_one JSON NAME PREPARE CMD: warmup 1, $RUNS runs; PREPARE may be empty
hyperfine_one() {
    local json=$1 name=$2 prepare=$3 cmd=$4 args=(--style basic --warmup 1 --runs "$RUNS" --export-json "$1")
    [ -n "$prepare" ] && args+=(--prepare "$prepare")
    log "hyperfine: $name"
    { echo "# $name"; [ -n "$prepare" ] && echo "#   prepare: $prepare"; echo "$cmd"; } >>"$WORK/commands.txt"
    hyperfine "${args[@]}" -n "$name" "$cmd" >>"$WORK/hyperfine.log" 2>&1 \
        || { tail -n 20 "$WORK/hyperfine.log" >&2; die "hyperfine failed for $name"; }
}

bench_import() {
    local out=$RESULTS_DIR/import.md raw=$RESULTS_DIR/raw/import fetch=$BIN/endzone-fetch
    local pg_fresh="psql -X -q -h 127.0.0.1 -p $PG_PORT -U postgres -c 'DROP DATABASE IF EXISTS %s WITH (FORCE)' -c 'CREATE DATABASE %s' postgres"
    mkdir -p "$raw"
    : >"$WORK/commands.txt"
    rm -f "$raw"/*.json
    start_pg
    start_synthetic_feed "$FEED_PORT" 0
    start_synthetic_feed "$FEED_SLOW_PORT" 100
    [ -d "$ARCHIVE" ] || die "no archive at $ARCHIVE"
    port_free "$FEED_ARCHIVE_PORT"
    start_bg feed-archive "$BIN/endzone-feed" --dir "$ARCHIVE" --listen "127.0.0.1:$FEED_ARCHIVE_PORT"
    wait_port "$FEED_ARCHIVE_PORT" "$LAST_PID"
    need_peers
    pg_sql -c "CREATE DATABASE scores" postgres >/dev/null
    start_peer_feed "$PEER_FEED_PORT" 0
    start_peer_feed "$PEER_FEED_SLOW_PORT" 100

    local season="2015 --concurrency 32 --quiet"
    local fast=http://127.0.0.1:$FEED_PORT slow=http://127.0.0.1:$FEED_SLOW_PORT sq=$WORK/season.sqlite
    local pgdb=$PG_URL_BASE/ez_season
    # (a) Endzone: a fresh store every run (schema migrations included), then a re-import into a warm one.
    hyperfine_one "$raw/ez-sqlite-100.json" "endzone-fetch sqlite latency 100ms" "rm -f $sq $sq-wal $sq-shm" \
        "$fetch $season --feed $slow --database sqlite://$sq"
    hyperfine_one "$raw/ez-sqlite-0.json" "endzone-fetch sqlite latency 0ms" "rm -f $sq $sq-wal $sq-shm" \
        "$fetch $season --feed $fast --database sqlite://$sq"
    hyperfine_one "$raw/ez-pg-100.json" "endzone-fetch postgresql latency 100ms" "$(printf "$pg_fresh" ez_season ez_season)" \
        "$fetch $season --feed $slow --database $pgdb"
    hyperfine_one "$raw/ez-pg-0.json" "endzone-fetch postgresql latency 0ms" "$(printf "$pg_fresh" ez_season ez_season)" \
        "$fetch $season --feed $fast --database $pgdb"
    hyperfine_one "$raw/ez-pg-100-reimport.json" "endzone-fetch postgresql latency 100ms, re-import" "" \
        "$fetch $season --feed $slow --database $pgdb"
    local ez_summary ez_rows
    ez_summary=$("$fetch" $season --feed "$slow" --database "$pgdb" 2>&1 | tail -n 3)
    ez_rows=$(pg_sql -tAc "SELECT count(*) FROM games" ez_season)

    # (a) the reference, as RESULTS.md runs it: upserts into the existing `games` table of `scores`.
    local ref="env PYTHONDONTWRITEBYTECODE=1 DATABASE_URL=$PG_URL_BASE/scores $PY $PEERS/fetch_season.py 2015"
    hyperfine_one "$raw/ref-100.json" "fetch_season.py latency 100ms" "" \
        "env FEED_URL=http://127.0.0.1:$PEER_FEED_SLOW_PORT/ajax/scorestrip $ref"
    hyperfine_one "$raw/ref-0.json" "fetch_season.py latency 0ms" "" \
        "env FEED_URL=http://127.0.0.1:$PEER_FEED_PORT/ajax/scorestrip $ref"
    hyperfine_one "$raw/ref-imports.json" "python3 imports only" "" \
        "$PY -c 'import aiohttp, asyncpg, ujson, lxml.etree'"
    local ref_summary ref_rows
    ref_summary=$(FEED_URL=http://127.0.0.1:$PEER_FEED_SLOW_PORT/ajax/scorestrip $ref 2>&1 >/dev/null | tail -n 1)
    ref_rows=$(pg_sql -tAc "SELECT count(*) FROM games" scores)

    # (b) the archive, 45 seasons, into a fresh store every run.
    local arch=http://127.0.0.1:$FEED_ARCHIVE_PORT asq=$WORK/archive.sqlite apg=$PG_URL_BASE/ez_archive
    hyperfine_one "$raw/archive-pg.json" "endzone-fetch 1970-2014 postgresql" "$(printf "$pg_fresh" ez_archive ez_archive)" \
        "$fetch 1970-2014 --feed $arch --database $apg --concurrency 32 --quiet"
    hyperfine_one "$raw/archive-sqlite.json" "endzone-fetch 1970-2014 sqlite" "rm -f $asq $asq-wal $asq-shm" \
        "$fetch 1970-2014 --feed $arch --database sqlite://$asq --concurrency 32 --quiet"
    local arch_summary arch_rows arch_docs
    pg_fresh_db ez_archive
    arch_summary=$("$fetch" 1970-2014 --feed "$arch" --database "$apg" --concurrency 32 --quiet 2>&1 | tail -n 3)
    arch_rows=$(pg_sql -tAc "SELECT count(*) FROM games" ez_archive)
    arch_docs=$(cat "$ARCHIVE"/19[7-9]*.xml "$ARCHIVE"/200*.xml "$ARCHIVE"/201[0-4]*.xml | grep -o '<g ' | wc -l)

    # --- targets ---
    local m med=() s0 s100 p0 p100 a_pg a_sq
    for m in ez-sqlite-100 ez-sqlite-0 ez-pg-100 ez-pg-0; do
        med+=("$($PY "$BENCH/lib/report.py" hyperfine-median "$raw/$m.json" "$(jq_name "$raw/$m.json")")")
    done
    s100=${med[0]} s0=${med[1]} p100=${med[2]} p0=${med[3]}
    a_pg=$($PY "$BENCH/lib/report.py" hyperfine-median "$raw/archive-pg.json" "endzone-fetch 1970-2014 postgresql")
    a_sq=$($PY "$BENCH/lib/report.py" hyperfine-median "$raw/archive-sqlite.json" "endzone-fetch 1970-2014 sqlite")

    {
        echo "# Import benchmarks (issue 2)"
        echo
        echo "Written by \`bash bench/run import\`. Wall times are whole processes (start, connect, migrate, fetch, store, exit), measured by hyperfine with 1 warmup and $RUNS runs. Times in ms."
        echo
        machine_block
        echo
        echo "## (a) One season: 2015 (27 weekly requests), \`--concurrency 32\`"
        echo
        echo "Endzone fetches from \`endzone-feed --synthetic 2015 --latency-ms N\` into a **fresh** store each run (hyperfine \`--prepare\` drops the PostgreSQL database or deletes the SQLite file, so schema creation is included), plus one re-import into a warm store. The reference \`fetch_season.py\` fetches its own fixtures (\`make_fixtures.py\`, served by \`feed_server.py --latency-ms N\`) and upserts into the existing \`games\` table, exactly as RESULTS.md runs it. PostgreSQL runs with default durability (fsync on)."
        echo
        echo "| command | median | mean ± σ | min – max | runs |"
        echo "|---|---|---|---|---|"
        $PY "$BENCH/lib/report.py" hyperfine "$raw"/ez-sqlite-100.json "$raw"/ez-sqlite-0.json "$raw"/ez-pg-100.json \
            "$raw"/ez-pg-0.json "$raw"/ez-pg-100-reimport.json "$raw"/ref-100.json "$raw"/ref-0.json "$raw"/ref-imports.json
        echo
        echo "Endzone's own summary (PostgreSQL, 100 ms, re-import): \`$(echo "$ez_summary" | tr '\n' ' ' | sed 's/  */ /g')\`; rows in \`games\`: $ez_rows."
        echo "Reference summary (100 ms): \`$ref_summary\`; rows in \`games\`: $ref_rows."
        echo
        echo "**Target: wall time < 2 × 100 ms + store time**, where store time is the same import with 0 ms latency:"
        echo
        echo "| store | median at 100 ms | store time (0 ms) | limit 200 ms + store time | fetch overlap cost (100 ms − 0 ms) | result |"
        echo "|---|---|---|---|---|---|"
        target_row SQLite "$s100" "$s0"
        target_row PostgreSQL "$p100" "$p0"
        echo
        echo "## (b) The 1970–2014 archive (45 seasons, 1275 weekly requests, 11,611 games), fresh store every run"
        echo
        echo "\`endzone-feed --dir ../shared/data/scorestrip/archive\` (no latency), \`endzone-fetch 1970-2014 --concurrency 32 --quiet\`."
        echo
        echo "| command | median | mean ± σ | min – max | runs |"
        echo "|---|---|---|---|---|"
        $PY "$BENCH/lib/report.py" hyperfine "$raw"/archive-pg.json "$raw"/archive-sqlite.json
        echo
        echo "Summary of one PostgreSQL run: \`$(echo "$arch_summary" | tr '\n' ' ' | sed 's/  */ /g')\`; rows in \`games\`: $arch_rows (\`<g>\` elements in the 1970–2014 documents: $arch_docs)."
        echo
        echo "| target | median | result |"
        echo "|---|---|---|"
        echo "| archive into PostgreSQL < 2 s | $(awk -v s="$a_pg" 'BEGIN {printf "%.0f ms", s * 1000}') | $(awk -v s="$a_pg" 'BEGIN {print (s < 2) ? "**pass**" : "**FAIL**"}') |"
        echo "| archive into SQLite (no target) | $(awk -v s="$a_sq" 'BEGIN {printf "%.0f ms", s * 1000}') | – |"
        echo
        echo "## Commands"
        echo
        echo "Paths shortened: \`bin/\` is \`$BIN/\`, \`WORK/\` the run's temporary folder, \`peers/\` \`../shared/peers/\`."
        echo
        echo '```sh'
        sed -e "s#$BIN/#bin/#g" -e "s#$WORK/#WORK/#g" -e "s#$PEERS/#peers/#g" "$WORK/commands.txt"
        echo '```'
        echo
        echo "Raw hyperfine JSON: \`bench/results/raw/import/\`."
    } >"$out"
    log "wrote $out"
}

jq_name() { $PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["command"])' "$1"; }

target_row() {  # target_row LABEL MEDIAN_100_S MEDIAN_0_S
    awk -v l="$1" -v a="$2" -v b="$3" 'BEGIN {
        limit = 0.2 + b
        printf "| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %s |\n", l, a * 1000, b * 1000, limit * 1000,
               (a - b) * 1000, (a < limit) ? "**pass**" : "**FAIL**" }'
}
