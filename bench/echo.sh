#!/usr/bin/env bash
# Echo throughput and latency, side by side in one run: Weft's event-loop and virtual-thread engines,
# a Netty 4.2 native-epoll echo server and a Go net goroutine-per-connection echo server.
#
# Each server is pinned to core SERVER_CPU (0) and the load generator (`weft bench echo`, closed loop,
# every byte checked) to core LOAD_CPU (1). Two workloads: 64-byte ping-pong over 50 connections,
# and the same with 16 messages in flight per connection. ROUNDS > 1 repeats the whole matrix,
# interleaving servers, and reports medians; the ratio to Netty pairs each round with Netty's in the
# same round (bench/echo_report.py).
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

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
[[ ${DURATION%s} -ge 5 && "$DURATION" == *s && "$WARMUP" == *s ]] || { echo "echo.sh: DURATION (>= 5s) and WARMUP in whole seconds" >&2; exit 1; }

# The key=value fields bench/echo_report.py reads, from the load generator's JSON report.
load_fields() {
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
l, s = r["latencyMicros"], r["summary"]
print(f"msgs/s={s['throughput']:.0f} p50_us={l['p50']:.1f} p99_us={l['p99']:.1f} max_us={l['max']:.1f}"
      f" messages={s['requests']} errors={r['errors']['total']}")
PY
}

build_all
raw="$BENCH_TMP/raw.txt"
: >"$raw"
for round in $(seq 1 "$ROUNDS"); do
  for server in $SERVERS; do
    start_server "$server"
    for depth in $WORKLOADS; do
      taskset -c "$LOAD_CPU" ./weft bench echo --port "$SERVER_PORT" -c "$CONNECTIONS" \
        --in-flight "$depth" --size "$SIZE" --warmup "$WARMUP" -d "$DURATION" -t 1 \
        --json "$BENCH_TMP/load.json" >/dev/null &
      load=$!
      # The server's CPU use over the middle of the measured window: a server below 100% is waiting
      # for the load generator, so its rate says more about the generator than about the server.
      sleep $(( ${WARMUP%s} + 2 ))
      t0=$(cpu_ticks "$SERVER_PID"); s0=$(date +%s%N)
      sleep $(( ${DURATION%s} - 3 ))
      t1=$(cpu_ticks "$SERVER_PID"); s1=$(date +%s%N)
      wait "$load"
      busy=$(( (t1 - t0) * 1000000000 / CLK_TCK * 100 / (s1 - s0) ))
      echo "round=$round server=$server in_flight=$depth server_cpu=$busy $(load_fields "$BENCH_TMP/load.json")" | tee -a "$raw" >&2
    done
    stop_server
  done
done

out="$RESULTS_DIR/echo-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "# bench/echo.sh $(date -u +%FT%TZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# server on core $SERVER_CPU, load on core $LOAD_CPU; $CONNECTIONS connections, $SIZE-byte messages,"
  echo "# closed loop, warmup $WARMUP, measured $DURATION, median of $ROUNDS round(s), ratios paired per round; JDK: $("$JAVA" -version 2>&1 | head -1)"
  python3 bench/echo_report.py "$raw"
  echo
  echo "# raw runs"
  cat "$raw"
} | tee "$out"
echo "results: $out" >&2
