#!/usr/bin/env bash
# Echo throughput and latency, side by side in one run: Weft's event-loop and virtual-thread engines,
# a Netty 4.2 native-epoll echo server and a Go net goroutine-per-connection echo server.
#
# Each server is pinned to core SERVER_CPU (0) and the load generator (`weft bench echo`, closed loop,
# every byte checked) to core LOAD_CPU (1). Two workloads: 64-byte ping-pong over 50 connections,
# and the same with 16 messages in flight per connection. ROUNDS > 1 repeats the whole matrix,
# interleaving servers, and reports the median round.
#
#   bench/echo.sh                      # defaults: DURATION=10s WARMUP=3s ROUNDS=1
#   DURATION=20s ROUNDS=3 bench/echo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
ROUNDS=${ROUNDS:-1}
CONNECTIONS=${CONNECTIONS:-50}
SIZE=${SIZE:-64}
SERVERS=${SERVERS:-"netty-epoll weft-loop weft-vthread go-net"}
WORKLOADS=${WORKLOADS:-"1 16"}

build_all
raw="$BENCH_TMP/raw.txt"
: >"$raw"
for round in $(seq 1 "$ROUNDS"); do
  for server in $SERVERS; do
    start_server "$server"
    for depth in $WORKLOADS; do
      line=$(taskset -c "$LOAD_CPU" ./weft bench echo --port "$SERVER_PORT" -c "$CONNECTIONS" \
               --in-flight "$depth" --size "$SIZE" --warmup "$WARMUP" -d "$DURATION" -t 1)
      echo "round=$round server=$server in_flight=$depth $line" | tee -a "$raw" >&2
    done
    stop_server
  done
done

out="$RESULTS_DIR/echo-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "# bench/echo.sh $(date -u +%FT%TZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# server on core $SERVER_CPU, load on core $LOAD_CPU; $CONNECTIONS connections, $SIZE-byte messages,"
  echo "# closed loop, warmup $WARMUP, measured $DURATION, median of $ROUNDS round(s); JDK: $("$JAVA" -version 2>&1 | head -1)"
  python3 - "$raw" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(re.findall(r'([\w/]+)=([\w.\-]+)', line))
    rows.setdefault((f['server'], int(f['in_flight'])), []).append(f)
def med(fs, k): return statistics.median(float(f[k]) for f in fs)
print(f"{'server':<14}{'in-flight':>10}{'msgs/s':>12}{'p50 us':>10}{'p99 us':>10}{'vs netty':>10}{'errors':>8}")
for (server, depth), fs in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    rate = med(fs, 'msgs/s')
    base = rows.get(('netty-epoll', depth))
    ratio = f"{rate / med(base, 'msgs/s'):.2f}x" if base else "-"
    errors = sum(int(f['errors']) for f in fs)
    print(f"{server:<14}{depth:>10}{rate:>12.0f}{med(fs, 'p50_us'):>10.1f}{med(fs, 'p99_us'):>10.1f}{ratio:>10}{errors:>8}")
PY
  echo
  echo "# raw runs"
  cat "$raw"
} | tee "$out"
echo "results: $out" >&2
