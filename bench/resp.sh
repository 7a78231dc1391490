#!/usr/bin/env bash
# Redis-protocol throughput and latency, side by side in one run: real redis-server (Debian's package)
# and `weft serve` on both engines, measured by redis-benchmark.
#
# Each server is pinned to core SERVER_CPU (0), redis-benchmark to core LOAD_CPU (1). The matrix is the
# issue's: `redis-benchmark -t set,get -c 50 -n 2000000 -r 1000000 -d SIZE -P PIPELINE` for SIZE in 3 and
# 256 and PIPELINE in 1 and 16. Every server gets the same untimed warm-up at each value size first (the
# JVM compiles its hot paths; Redis is unaffected). ROUNDS > 1 repeats the whole matrix, interleaving servers, and
# reports medians; ratios pair each Weft run with Redis's in the same round (bench/resp_report.py).
#
#   bench/resp.sh                                  # the issue's matrix, one round
#   ROUNDS=3 REQUESTS=1000000 bench/resp.sh
#   SERVERS="redis weft-loop" PIPELINES=16 SIZES=3 bench/resp.sh
#   SERVERS="redis weft-loop weft-loop-nopoll" bench/resp.sh   # with and without idle polling
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

REQUESTS=${REQUESTS:-2000000}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-500000}
CONNECTIONS=${CONNECTIONS:-50}
KEYSPACE=${KEYSPACE:-1000000}
ROUNDS=${ROUNDS:-1}
SERVERS=${SERVERS:-"redis weft-loop weft-vthread"}
PIPELINES=${PIPELINES:-"1 16"}
SIZES=${SIZES:-"3 256"}
# Transparent huge pages cut the TLB misses of random lookups across a large heap; they need a collector
# whose heap is anonymous memory (Parallel, Serial, G1: ZGC's shared-memory heap gets none unless the
# kernel's shmem THP is on). docs/BENCHMARKS.md compares the collectors.
# The heap is fixed and touched up front (-Xms = -Xmx, AlwaysPreTouch), as JVM servers such as Elasticsearch
# run by default: while a million 256-byte values fill a growing heap, the collector resizes it and the
# server faults fresh pages in as it allocates, which cost the SET -d 256 -P 16 test a third of its rate
# and put its p99 at 5 ms. 3 GiB holds the largest test's keyspace with room for the young generation.
WEFT_JVM=${WEFT_JVM:-"-XX:+UseParallelGC -XX:+UseTransparentHugePages -Xms3g -Xmx3g -XX:+AlwaysPreTouch"}

command -v redis-benchmark >/dev/null || { echo "resp.sh: needs redis-benchmark (apt-get install redis-tools)" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "resp.sh: needs redis-server (apt-get install redis-server)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_resp NAME: starts one server pinned to SERVER_CPU on a free port; sets SERVER_PID and SERVER_PORT.
start_resp() {
  local name=$1 log="$BENCH_TMP/$1.log"
  SERVER_PORT=$(free_port)
  case "$name" in
    redis)        taskset -c "$SERVER_CPU" redis-server --port "$SERVER_PORT" --bind 127.0.0.1 --save '' \
                    --appendonly no --protected-mode no >"$log" 2>&1 & ;;
    weft-loop)    taskset -c "$SERVER_CPU" env WEFT_JAVA_OPTS="$WEFT_JVM" ./weft serve --port "$SERVER_PORT" \
                    --engine loop >"$log" 2>&1 & ;;
    weft-loop-nopoll) # the event loop sleeping as soon as it runs out of work, as before idle polling
                  taskset -c "$SERVER_CPU" env WEFT_JAVA_OPTS="$WEFT_JVM" ./weft serve --port "$SERVER_PORT" \
                    --engine loop --idle-poll-us 0 >"$log" 2>&1 & ;;
    weft-vthread) taskset -c "$SERVER_CPU" env WEFT_JAVA_OPTS="$WEFT_JVM" ./weft serve --port "$SERVER_PORT" \
                    --engine vthread >"$log" 2>&1 & ;;
    *) echo "unknown server $name" >&2; exit 1 ;;
  esac
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    [ "$(redis-cli -p "$SERVER_PORT" PING 2>/dev/null)" = "PONG" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; echo "resp.sh: $name did not start" >&2; exit 1; }
    sleep 0.1
  done
  cat "$log" >&2; echo "resp.sh: $name did not answer PING" >&2; exit 1
}

load() { # load TESTS PIPELINE SIZE REQUESTS -> CSV lines on stdout
  taskset -c "$LOAD_CPU" redis-benchmark -p "$SERVER_PORT" -t "$1" -c "$CONNECTIONS" -n "$4" \
    -r "$KEYSPACE" -d "$3" -P "$2" --csv
}

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "building Weft..." >&2
./mvnw -q -DskipTests -pl weft-cli -am install >&2
raw="$BENCH_TMP/raw.csv"
: >"$raw"
for round in $(seq 1 "$ROUNDS"); do
  for server in $SERVERS; do
    start_resp "$server"
    for size in $SIZES; do
      # Warm-up at this value size: larger values take other paths through the decoder (requests split
      # across reads), which the JIT compiles on the server's one core while it serves.
      load set,get 16 "$size" "$WARMUP_REQUESTS" >/dev/null
      load set,get 1 "$size" "$((WARMUP_REQUESTS / 5))" >/dev/null
      for pipeline in $PIPELINES; do
        for test in set get; do
          # The server's CPU use over the run: below ~100% it was waiting for redis-benchmark, so the
          # rate says more about the generator than about the server.
          t0=$(cpu_ticks "$SERVER_PID"); s0=$(date +%s%N)
          line=$(load "$test" "$pipeline" "$size" "$REQUESTS" | grep -v '^"test"')
          t1=$(cpu_ticks "$SERVER_PID"); s1=$(date +%s%N)
          cpu=$(( (t1 - t0) * 1000000000 / CLK_TCK * 100 / (s1 - s0) ))
          echo "$round,$server,$size,$pipeline,$line,$cpu" | tee -a "$raw" >&2
        done
      done
    done
    stop_server
  done
done

out="$RESULTS_DIR/resp-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "# bench/resp.sh $(date -u +%FT%TZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# server on core $SERVER_CPU, redis-benchmark on core $LOAD_CPU: -t set|get -c $CONNECTIONS -n $REQUESTS -r $KEYSPACE"
  echo "# Weft JVM options: $WEFT_JVM"
  echo "# $(redis-server --version | cut -d' ' -f1-3); JDK: $("$JAVA" -version 2>&1 | head -1); median of $ROUNDS round(s), ratios paired per round"
  python3 bench/resp_report.py "$raw"
} | tee "$out"
echo "results: $out" >&2
