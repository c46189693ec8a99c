#!/usr/bin/python3
"""report.py RAW_DIR LATENCY_MS CONCURRENCY FEED_RSS_KIB: the Markdown body of bench/results/espn.md, from the raw
output bench/lib/espn.sh keeps in RAW_DIR. Only reformats; every figure comes from those files."""
import math
import os
import re
import statistics
import sys

raw, latency_ms, concurrency, feed_rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]


def results(name):
    """RESULT lines of one file: {(what, file): {key: value}}."""
    rows = {}
    path = os.path.join(raw, name)
    if not os.path.exists(path):
        return rows
    for line in open(path):
        if not line.startswith('RESULT '):
            continue
        parts = line.split()
        fields = dict(p.split('=', 1) for p in parts[2:] if '=' in p)
        rows[(parts[1], fields['file'])] = fields
    return rows


def verdict(ok):
    return '**pass**' if ok else '**FAIL**'


def ms(value):
    return '%.2f ms' % float(value)


parse = [results('parse.txt'), results('parse-2.txt')]
py = [results('jsonload.txt'), results('jsonload-2.txt')]
files = [('scoreboard-2021-reg-3-pre.json', 'parse-scoreboard'), ('summary-401547505.json', 'parse-summary')]

print('## 1. Parse, and parse plus store, vs Python\'s json.loads')
print()
print('`endzone-bench-espn-parse` (bench/espn/espnparsebench.cpp) reads each document into memory once, then times '
      '`EspnParser::parseScoreboard`/`parseSummary` on those bytes (5 untimed runs, then N timed, '
      '`QElapsedTimer`), and `QJsonDocument::fromJson` alone (the DOM that EspnParser walks). '
      '`bench/espn/jsonload.py` times `json.loads` on the same bytes the same way (`/usr/bin/python3`, '
      '`time.perf_counter_ns`, garbage collector off as timeit does). Percentiles are nearest rank. Each pair ran '
      'twice, in the order Endzone, Python, Python, Endzone. Both also time each run by the thread\'s CPU clock '
      '(`CLOCK_THREAD_CPUTIME_ID`, `time.thread_time_ns`), which other processes on a loaded machine move far less '
      'than the wall clock: the CPU columns.')
print()
print('| document | run | EspnParser p50 / p99 (min) | EspnParser CPU p50 / p99 | QJsonDocument::fromJson alone p50 / p99 (min) | '
      'json.loads p50 / p99 (min) | json.loads CPU p50 / p99 | json.loads p50 ÷ EspnParser p50 (wall / CPU) | '
      'target: EspnParser faster (p50) |')
print('|---|---|---|---|---|---|---|---|---|')
ratios = []
for name, what in files:
    for run in range(2):
        e = parse[run].get((what, name))
        d = parse[run].get(('qjsondocument', name))
        p = py[run].get(('json.loads', name))
        if not e or not p:
            continue
        ec = parse[run].get((what + '-cpu', name))
        pc = py[run].get(('json.loads-cpu', name))
        ratio = float(p['p50']) / float(e['p50'])
        ratios.append((name, ratio))
        cpu = lambda r: '%s / %s' % (ms(r['p50']), ms(r['p99'])) if r else '–'
        cpu_ratio = '%.2fx' % (float(pc['p50']) / float(ec['p50'])) if ec and pc else '–'
        print('| %s (%.2f MB) | %d | %s / %s (%s) | %s | %s | %s / %s (%s) | %s | %.2fx / %s | %s |' % (
            name, int(e['bytes']) / 1e6, run + 1, ms(e['p50']), ms(e['p99']), ms(e['min']), cpu(ec),
            '%s / %s (%s)' % (ms(d['p50']), ms(d['p99']), ms(d['min'])) if d else '–', ms(p['p50']), ms(p['p99']),
            ms(p['min']), cpu(pc), ratio, cpu_ratio,
            verdict(float(e['p50']) < float(p['p50']))))
print()
print('A ratio above 1 means EspnParser is faster. N = %s parses per document and tool. `QJsonDocument::fromJson alone` is timed separately, in the same process: it is the DOM EspnParser builds before walking it, and the part json.loads is comparable to.' % (
    parse[0].get((files[0][1], files[0][0]), {}).get('n', '?')))
print()
print('**Parse plus store** into a fresh SQLite file (GameStore opens it with WAL and synchronous=NORMAL), same bytes, same process:')
print()
print('| document | what is timed | run | p50 | p90 | p99 | max | n | note |')
print('|---|---|---|---|---|---|---|---|---|')
labels = [
    ('scoreboard-2021-reg-3-pre.json', 'parse-upsert-changed',
     'parseScoreboard + `upsertWeek`, every game changed (scores bumped each run, so all 16 rows are rewritten)'),
    ('scoreboard-2021-reg-3-pre.json', 'parse-upsert-unchanged',
     'parseScoreboard + `upsertWeek`, nothing changed (a re-import: read back and compare, no write)'),
    ('summary-401547505.json', 'parse-storedetail', 'parseSummary + `storeDetail` (the detail rewritten each run)'),
]
for name, what, text in labels:
    for run in range(2):
        r = parse[run].get((what, name))
        if not r:
            continue
        note = ', '.join('%s %s' % (k, v) for k, v in r.items() if k not in ('file', 'n', 'p50', 'p90', 'p99', 'min', 'max', 'bytes'))
        print('| %s | %s | %d | %s | %s | %s | %s | %s | %s |' % (
            name, text, run + 1, ms(r['p50']), ms(r['p90']), ms(r['p99']), ms(r['max']), r['n'], note))
for run in range(2):
    r = parse[run].get(('insert-scoreboard', 'scoreboard-2021-reg-3-pre.json'))
    if r:
        print('| scoreboard-2021-reg-3-pre.json | first `upsertWeek` of the week (16 inserts), one sample | %d | %s | | | | 1 | |' % (
            run + 1, ms(r['ms'])))
print()

# --- 2. latency ---------------------------------------------------------------------------------------------
print('## 2. Publish to card on the live ESPN week')
print()
print('`endzone-bench-latency --espn-week ../shared/data/espn/scoreboard-2022-reg-1-live.json` (bench/app/latencybench.cpp): '
      'the week is what `EspnParser::parseScoreboard` makes of the shared live 2022 Sunday (16 games: 8 in the 4th '
      'quarter with a situation, 2 final, 6 not started). It is published whole, then each change is the next play of one '
      'of the 8 live games in turn (clock, down and distance, spot, last play; a score every fourth play), published as '
      'the watcher does (the whole week plus the changed game) and timed from `publish()` to the ScoreboardModel\'s '
      '`dataChanged` for that row, through Redis (a real redis-server on 127.0.0.1) → LiveController → GameStore '
      '(SQLite) → model, or through the ApiServer\'s SSE stream. 20 untimed changes first; each next change 2 ms after the '
      'previous one arrived. The scorestrip-like week of the existing benchmark ran alongside, in the same run.')
print()
print('| week | path | changes | p50 | p90 | p99 | max | target p99 ≤ 50 ms |')
print('|---|---|---|---|---|---|---|---|')
pattern = re.compile(r'(?:week (\S+) games (\d+) live (\d+) )?path (\S+) changes (\d+) p50 (\S+) p90 (\S+) p99 (\S+) max (\S+) ms')
if os.path.exists(os.path.join(raw, 'latency.txt')):
    for line in open(os.path.join(raw, 'latency.txt')):
        m = pattern.search(line)
        if not m:
            continue
        week, games, live, path, n, p50, p90, p99, mx = m.groups()
        espn = week is not None
        print('| %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %s |' % (
            'ESPN 2022 REG 1, live (%s games, %s live)' % (games, live) if espn else 'scorestrip-like (16 games, 2025 REG 3)',
            path, n, p50, p90, p99, mx, verdict(float(p99) <= 50) if espn else '–'))
print()

# --- 3 and 4. fetches ---------------------------------------------------------------------------------------
fetches = []
for line in open(os.path.join(raw, 'espn-fetch.txt')):
    label, seasons, wall, rss, requests, user, sys_s, load = line.split()
    out = os.path.join(raw, 'espn-fetch-%s.txt' % label)
    text = open(out).read() if os.path.exists(out) else ''
    m = re.search(r'Stored (\d+) weeks \((\d+) empty\) in (\S+) s: (\d+) games inserted', text)
    d = re.search(r'Stored (\d+) game summaries; (\d+) failed', text)
    fetches.append(dict(label=label, seasons=seasons, wall=float(wall), rss=int(rss), requests=int(requests),
                        user=float(user), sys=float(sys_s), load=load, weeks=int(m.group(1)) if m else 0,
                        empty=int(m.group(2)) if m else 0, inner=float(m.group(3)) if m else 0,
                        games=int(m.group(4)) if m else 0, details=int(d.group(1)) if d else 0,
                        details_failed=int(d.group(2)) if d else 0))

generated = open(os.path.join(raw, 'generated.txt')).read().split() if os.path.exists(os.path.join(raw, 'generated.txt')) else []
gen = dict(zip(generated[0::2], generated[1::2]))
print('## 3. Backfill 2015–2025 from a local ESPN feed, %d ms latency, concurrency %d' % (latency_ms, concurrency))
print()
print('`endzone-bench-espn-season --out WORK/espn-feed --summaries 2015-2025` (bench/espn/espnseasongen.cpp: '
      'SyntheticSeason + EspnWriter, every game taken after its season, so final) wrote %s scoreboards (%s games, %.1f MB) '
      'and %s summaries (%.0f MB). `endzone-feed --format espn --dir WORK/espn-feed --latency-ms %d` serves them; it logs '
      'every request (`endzone.feed` debug), which is how requests are counted. Weeks a season does not have on file '
      '(none here) would be answered with an empty scoreboard, as ESPN does. Each run imports into a fresh SQLite '
      'file; an untimed run first lets endzone-feed read its files. Wall time is `/usr/bin/time`\'s, the whole process.' % (
          gen.get('weeks', '?'), gen.get('games', '?'), int(gen.get('scoreboard-bytes', 0)) / 1e6,
          gen.get('summaries', '?'), int(gen.get('summary-bytes', 0)) / 1e6, latency_ms))
print()
print('| run | requests | games stored | wall | fetch\'s own timer | ideal: ⌈requests / %d⌉ × %d ms | bound: 1.2 × requests / %d × %d ms | result | user + sys CPU | load (1 min) after |' % (
    concurrency, latency_ms, concurrency, latency_ms))
print('|---|---|---|---|---|---|---|---|---|---|')
backfill = [f for f in fetches if f['label'].startswith('backfill-')]
for f in backfill:
    bound = 1.2 * f['requests'] / concurrency * latency_ms / 1000
    ideal = math.ceil(f['requests'] / concurrency) * latency_ms / 1000
    print('| %s | %d | %d | %.2f s | %.2f s | %.2f s | %.2f s | %s | %.2f s | %s |' % (
        f['label'], f['requests'], f['games'], f['wall'], f['inner'], ideal, bound, verdict(f['wall'] <= bound),
        f['user'] + f['sys'], f['load']))
store = [f for f in fetches if f['label'].startswith('store-')]
if backfill:
    med = statistics.median(f['wall'] for f in backfill)
    bound = 1.2 * backfill[0]['requests'] / concurrency * latency_ms / 1000
    print()
    print('**Median %.2f s against the bound %.2f s: %s.**' % (med, bound, verdict(med <= bound)))
nodelay = [f for f in fetches if re.match(r'nodelay-\d+$', f['label'])]
nodelay0 = [f for f in fetches if re.match(r'nodelay-0ms-\d', f['label'])]
if nodelay:
    print()
    print('**Diagnostic, not the product:** the same backfill from the same files and latency, with `endzone-feed` '
          'started under `LD_PRELOAD=nodelay.so` (bench/espn/nodelay.c), which sets TCP_NODELAY on every connection it '
          'accepts. This is what the fix proposed in bench/README.md, finding E1 (LowDelayOption on FeedServer\'s sockets), would give:')
    print()
    print('| run | requests | wall | fetch\'s own timer | bound | result | load (1 min) after |')
    print('|---|---|---|---|---|---|---|')
    for f in nodelay:
        bound = 1.2 * f['requests'] / concurrency * latency_ms / 1000
        print('| %s | %d | %.2f s | %.2f s | %.2f s | %s | %s |' % (
            f['label'], f['requests'], f['wall'], f['inner'], bound, verdict(f['wall'] <= bound), f['load']))
if store:
    print()
    print('The same backfill from a feed with no injected latency: %s (fetch\'s own timer %s); this still includes '
          'the feed\'s ~40 ms per kept-alive response (bench/README.md, finding E1).' % (
              ', '.join('%.2f s' % f['wall'] for f in store), ', '.join('%.2f s' % f['inner'] for f in store)))
if nodelay0:
    print('With no latency and TCP_NODELAY on the feed, i.e. the client\'s own fetch, parse and store time: %s '
          '(user + sys CPU %s).' % (', '.join('%.2f s' % f['wall'] for f in nodelay0),
                                   ', '.join('%.2f s' % (f['user'] + f['sys']) for f in nodelay0)))
print()

print('## 4. Peak memory of a backfill with `--details`')
print()
print('`/usr/bin/time -v endzone-fetch SEASONS --source espn --details --concurrency %d` from the same files at 0 ms latency, '
      'into a fresh SQLite file each; the same seasons without `--details` for comparison. Max RSS is the kernel\'s '
      'high-water mark of the whole process. (endzone-feed itself, which keeps every file it served in memory, '
      'was at %.0f MiB afterwards: not part of the figure.)' % (concurrency, int(feed_rss) / 1024))
print()
print('| seasons | games | summaries stored (failed) | requests | max RSS with --details | max RSS without | wall with --details | load (1 min) after |')
print('|---|---|---|---|---|---|---|---|')
details = [f for f in fetches if f['label'].startswith('details-') and f['label'] != 'details-warmup']
plain = {f['seasons']: f for f in fetches if f['label'].startswith('nodetails-')}
for f in details:
    p = plain.get(f['seasons'])
    print('| %s | %d | %d (%d) | %d | **%.1f MiB** | %s | %.2f s | %s |' % (
        f['seasons'], f['games'], f['details'], f['details_failed'], f['requests'], f['rss'] / 1024,
        '%.1f MiB' % (p['rss'] / 1024) if p else '–', f['wall'], f['load']))
if len(details) >= 2:
    first, last = details[0], details[-1]
    growth = (last['rss'] - first['rss']) / first['rss'] * 100
    games_ratio = last['games'] / max(1, first['games'])
    print()
    print('From %s to %s the games grow %.1fx and max RSS %+.1f%% (%.1f → %.1f MiB).' % (
        first['seasons'], last['seasons'], games_ratio, growth, first['rss'] / 1024, last['rss'] / 1024))
