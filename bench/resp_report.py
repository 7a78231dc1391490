#!/usr/bin/env python3
"""Summarises bench/resp.sh's raw CSV: median ops/s, p50, p99 and server CPU per server and test, and the
ratio to Redis paired within each round (a noisy round moves both sides together)."""
import csv
import statistics
import sys
from collections import defaultdict

runs = defaultdict(dict)  # (size, pipeline, test) -> {(round, server): (rps, p50, p99, cpu%)}
servers = []
with open(sys.argv[1]) as f:
    for row in csv.reader(f):
        rnd, server, size, pipeline, test, rps, _avg, _min, p50, _p95, p99, _max, cpu = row
        runs[(int(size), int(pipeline), test)][(rnd, server)] = (float(rps), float(p50), float(p99), float(cpu))
        if server not in servers:
            servers.append(server)

print(f"{'test':<18}{'server':<14}{'ops/s':>12}{'p50 ms':>9}{'p99 ms':>9}{'cpu %':>7}{'x redis ops':>13}{'x redis p99':>13}")
for (size, pipeline, test) in sorted(runs):
    cell = runs[(size, pipeline, test)]
    rounds = sorted({r for r, _ in cell})
    for server in servers:
        mine = [cell[(r, server)] for r in rounds if (r, server) in cell]
        if not mine:
            continue
        med = [statistics.median(v[i] for v in mine) for i in range(4)]
        line = (f"{test + ' -d' + str(size) + ' -P' + str(pipeline):<18}{server:<14}{med[0]:>12.0f}"
                f"{med[1]:>9.3f}{med[2]:>9.3f}{med[3]:>7.0f}")
        paired = [(cell[(r, server)], cell[(r, 'redis')]) for r in rounds
                  if (r, server) in cell and (r, 'redis') in cell]
        if server != 'redis' and paired:
            ops = statistics.median(a[0] / b[0] for a, b in paired)
            p99 = statistics.median(a[2] / b[2] if b[2] > 0 else float('nan') for a, b in paired)
            line += f"{ops:>13.2f}{p99:>13.2f}"
        print(line)
