#!/usr/bin/env python3
"""Summarises bench/echo.sh's raw lines: medians per server and workload, and the ratio to Netty.

The ratio is the median over rounds of each round's rate divided by Netty's rate in the same round,
so slow drifts of a shared machine cancel out.
"""
import re
import statistics
import sys

rows = {}
for line in open(sys.argv[1]):
    f = dict(re.findall(r'([\w/]+)=([\w.\-]+)', line))
    rows.setdefault((f['server'], int(f['in_flight'])), {})[int(f['round'])] = f


def med(runs, key):
    return statistics.median(float(f[key]) for f in runs.values())


def ratio(runs, depth):
    base = rows.get(('netty-epoll', depth))
    if not base:
        return "-"
    paired = [float(f['msgs/s']) / float(base[r]['msgs/s']) for r, f in runs.items() if r in base]
    return f"{statistics.median(paired):.2f}x"


print(f"{'server':<14}{'in-flight':>10}{'msgs/s':>12}{'p50 us':>10}{'p99 us':>10}{'vs netty':>10}"
      f"{'server cpu':>12}{'errors':>8}")
for (server, depth), runs in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    errors = sum(int(f['errors']) for f in runs.values())
    print(f"{server:<14}{depth:>10}{med(runs, 'msgs/s'):>12.0f}{med(runs, 'p50_us'):>10.1f}"
          f"{med(runs, 'p99_us'):>10.1f}{ratio(runs, depth):>10}{med(runs, 'server_cpu'):>11.0f}%{errors:>8}")
