#!/usr/bin/python3
"""usage: report.py hyperfine JSON...            Markdown rows: name | median | mean ± sd | min-max | runs
          report.py hyperfine-median JSON NAME   median seconds of one command, for the target checks
          report.py wrk FILE                     one line: rps p50_ms p90_ms p99_ms avg_ms non2xx socket_errors
          report.py wrk-summary FILE LABEL...     Markdown rows: label | median req/s | range | p50 | p99
          report.py median X...                  median of numbers
          report.py sse JSON                     one line: key=value fields of an sse_load --json result
          report.py failover JSON:KILLED:KILL_MS... Markdown table of endzone-sseload results, a column per run
          report.py failover-verdict JSON:...    PASS, or FAIL and why: duplicates, gaps, ... must all be 0
          report.py splice MD SECTION            put SECTION (<!-- failover ... --> to <!-- /failover -->) in MD

Helpers for bench/run: they only reformat tool output, they never make a figure up.
"""
import json
import re
import statistics
import sys


def ms(seconds):
    return '%.1f' % (seconds * 1e3)


def hyperfine_rows(paths):
    for path in paths:
        for r in json.load(open(path))['results']:
            times = r['times']
            print('| %s | %s | %s ± %s | %s – %s | %d |' % (
                r['command'], ms(statistics.median(times)), ms(r['mean']), ms(r['stddev'] or 0),
                ms(min(times)), ms(max(times)), len(times)))


def hyperfine_median(path, name):
    for r in json.load(open(path))['results']:
        if r['command'] == name:
            print('%.6f' % statistics.median(r['times']))
            return
    sys.exit('no command %r in %s' % (name, path))


def to_ms(text):
    m = re.match(r'([\d.]+)(us|ms|s|m)$', text)
    if not m:
        return float('nan')
    value, unit = float(m.group(1)), m.group(2)
    return value * {'us': 1e-3, 'ms': 1, 's': 1e3, 'm': 6e4}[unit]


def wrk(path):
    text = open(path).read()
    rps = re.search(r'Requests/sec:\s+([\d.]+)', text)
    lat = {p: re.search(r'^\s+%s%%\s+(\S+)' % p, text, re.M) for p in ('50', '90', '99')}
    avg = re.search(r'^\s+Latency\s+(\S+)', text, re.M)
    non2xx = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', text)
    errors = re.search(r'Socket errors: (.*)', text)
    print('%s %.2f %.2f %.2f %.2f %s %s' % (
        rps.group(1) if rps else 'nan',
        *(to_ms(lat[p].group(1)) if lat[p] else float('nan') for p in ('50', '90', '99')),
        to_ms(avg.group(1)) if avg else float('nan'),
        non2xx.group(1) if non2xx else 0,
        errors.group(1).replace(' ', '') if errors else 'none'))


def wrk_summary(path, labels):
    rows = [line.split() for line in open(path) if line.strip()]
    for label in labels:
        runs = [[float(x) for x in r[2:6]] for r in rows if r[0] == label]
        if not runs:
            continue
        rps = [r[0] for r in runs]
        print('| %s | %.0f | %.0f – %.0f | %.2f ms | %.2f ms |' % (
            label, statistics.median(rps), min(rps), max(rps), statistics.median(r[1] for r in runs),
            statistics.median(r[3] for r in runs)))


def sse(path):
    r = json.load(open(path))
    fields = {
        'n': r['n'], 'k': r['k'], 'ready': r['ready'], 'connect_s': '%.2f' % r['connect_s'], 'errors': r['errors'],
        'published': r['published'], 'delivered': r['delivered'], 'all_k': r['clients_all_k'],
        'p50': '%.1f' % r['latency_ms']['p50'], 'p90': '%.1f' % r['latency_ms']['p90'],
        'p99': '%.1f' % r['latency_ms']['p99'], 'max': '%.1f' % r['latency_ms']['max'],
        'fanout_median': '%.1f' % r['fanout_ms']['median'], 'fanout_max': '%.1f' % r['fanout_ms']['max'],
        'publish_s': '%.1f' % r['publish_wall_s'], 'loadgen_cpu': '%.2f' % r['cpu_publish_s'], 'end': r['end'],
    }
    for pid, cpu in r['watched_cpu_s'].items():
        fields['cpu_' + pid] = '%.2f' % cpu
    print(' '.join('%s=%s' % kv for kv in fields.items()))


# What must be 0 after a failover: an exactly-once stream for every client, and every cut client back.
FAILOVER_ZEROES = ('duplicates', 'gaps', 'out_of_order', 'unordered_ids', 'snapshots', 'clients_without_events',
                   'clients_not_resumed')


def failover_verdict(runs):
    bad = []
    for i, run in enumerate(runs, 1):
        r = json.load(open(run.split(':')[0]))
        bad += ['run %d: %s=%s' % (i, k, r[k]) for k in FAILOVER_ZEROES if r[k] != 0]
        if r['clients_cut'] == 0:
            bad.append('run %d: no client was cut' % i)
        if r['end'] != 'drained':
            bad.append('run %d: end=%s' % (i, r['end']))
    print('PASS: 0 duplicates, 0 gaps, every cut client resumed, in every run' if not bad else 'FAIL: ' + ', '.join(bad))


def failover_rows(r, killed, killed_at):
    lat, res, per, head = r['latency_ms'], r['client_resume_ms'], r['per_client'], r['reconnect_head_ms']
    return [
        ('clients (all connected / all with an event)', '%d (%.1f s / %.1f s)' % (r['n'], r['connect_s'], r['ready_s'])),
        ('clients on the killed server / cut', '%s / %d' % (killed, r['clients_cut'])),
        ('**resume time**: first cut → every cut client has an event again', '**%.2f s**' % r['resume_s']),
        ('first cut → every cut client has a 200 again', '%.2f s' % r['resume_head_s']),
        ('per cut client, its cut → its first event back: p50 / p99 / max', '%.0f / %.0f / %.0f ms' % (
            res['p50'], res['p99'], res['max'])),
        ('kill -9 → the first client sees its connection end', '%.2f s' % ((r['first_cut_epoch_ms'] - int(killed_at)) / 1e3)),
        ('per reconnect, its request → the 200 back (replay in the same read): p50 / p99 / max', '%.0f / %.0f / %.0f ms' % (
            head['p50'], head['p99'], head['max'])),
        ('reconnects (attempts without a 200: why)', '%d (%d: %s)' % (r['reconnects'], r['failed_attempts'], ', '.join(
            '%s × %d' % kv for kv in r['failures'].items()) or 'none')),
        ('**events replayed** after reconnects: older than the newest id any client had at the reconnect; '
         'published before the reconnect asked', '**%d**; %d' % (r['replayed'], r['published_before_reconnect'])),
        ('events delivered (ids in the stream order; per client min / median / max)', '%d (%d; %d / %d / %d)' % (
            r['events'], r['union_ids'], per['min'], per['median'], per['max'])),
        ('**duplicates**', '**%d**' % r['duplicates']),
        ('**gaps** (clients with one)', '**%d** (%d)' % (r['gaps'], r['clients_with_gaps'])),
        ('out of order / ids outside the order / snapshots / never resumed', '%d / %d / %d / %d' % (
            r['out_of_order'], r['unordered_ids'], r['snapshots'], r['clients_not_resumed'])),
        ('latency publish → client, live events: p50 / p90 / p99 / max', '%.0f / %.0f / %.0f / %.0f ms (%d events)' % (
            lat['p50'], lat['p90'], lat['p99'], lat['max'], lat['samples'])),
        ('run (drain end)', '%.1f s (%s), %.1f MB received' % (r['elapsed_s'], r['end'], r['bytes'] / 1e6)),
    ]


def failover(runs):
    columns = []
    for run in runs:
        path, killed, killed_at = run.split(':')
        columns.append(failover_rows(json.load(open(path)), killed, killed_at))
    print('| measure | %s |' % ' | '.join('run %d' % i for i in range(1, len(columns) + 1)))
    print('|---|%s' % ('---|' * len(columns)))
    for i, (name, _) in enumerate(columns[0]):
        print('| %s | %s |' % (name, ' | '.join(c[i][1] for c in columns)))


def splice(path, section_path):
    section = open(section_path).read().rstrip('\n') + '\n'
    try:
        text = open(path).read()
    except FileNotFoundError:
        text = ''
    begin, end = text.find('<!-- failover'), text.find('<!-- /failover -->')
    if begin >= 0 and end > begin:
        text = text[:begin] + section + text[end + len('<!-- /failover -->\n'):]
    else:
        text = text.rstrip('\n') + '\n\n' + section
    open(path, 'w').write(text)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    mode, args = argv[1], argv[2:]
    if mode == 'hyperfine':
        hyperfine_rows(args)
    elif mode == 'hyperfine-median':
        hyperfine_median(*args)
    elif mode == 'wrk':
        wrk(args[0])
    elif mode == 'wrk-summary':
        wrk_summary(args[0], args[1:])
    elif mode == 'median':
        print('%g' % statistics.median(float(a) for a in args))
    elif mode == 'sse':
        sse(args[0])
    elif mode == 'failover':
        failover(args)
    elif mode == 'failover-verdict':
        failover_verdict(args)
    elif mode == 'splice':
        splice(*args)
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
