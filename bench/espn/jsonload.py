#!/usr/bin/python3
"""python3 bench/espn/jsonload.py [--iterations N] FILE...: the reference stack's parse, json.loads on the
same bytes EspnParser gets (read once, as endzone-bench-espn-parse does), timeit-style: 5 untimed runs, then N
timed ones with time.perf_counter_ns and the garbage collector off (timeit's default). Prints one RESULT line
per file with p50/p90/p99/min/max in milliseconds, nearest rank as the C++ harness computes them, and a
json.loads-cpu line: the same runs by the thread's CPU clock (time.thread_time_ns), as the C++ harness's -cpu
lines, which a loaded machine moves far less than the wall clock."""
import argparse
import gc
import json
import math
import os
import time


def percentile(values, p):
    values = sorted(values)
    rank = min(len(values) - 1, math.ceil(p * len(values)) - 1)
    return values[max(0, rank)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--iterations', type=int, default=300)
    parser.add_argument('files', nargs='+')
    args = parser.parse_args()
    for path in args.files:
        with open(path, 'rb') as f:
            data = f.read()
        for _ in range(5):
            json.loads(data)
        gc.disable()
        ms = []
        cpu = []
        for _ in range(args.iterations):
            c0 = time.thread_time_ns()
            t0 = time.perf_counter_ns()
            json.loads(data)
            ms.append((time.perf_counter_ns() - t0) / 1e6)
            cpu.append((time.thread_time_ns() - c0) / 1e6)
        gc.enable()
        for what, values in (('json.loads', ms), ('json.loads-cpu', cpu)):
            print('RESULT %s file=%s n=%d p50=%.3f p90=%.3f p99=%.3f min=%.3f max=%.3f bytes=%d' % (
                what, os.path.basename(path), len(values), percentile(values, 0.5), percentile(values, 0.9),
                percentile(values, 0.99), min(values), max(values), len(data)), flush=True)


if __name__ == '__main__':
    main()
