#!/usr/bin/env bash
# Memory per idle connection, side by side in one run: Weft's event-loop and virtual-thread engines,
# a Netty 4.2 epoll echo server and a Go net echo server.
#
# For each server: warm it up with WARMUP of echo load; for JVM servers, also open and close one round of
# CONNECTIONS, so the accept path is compiled and the JIT's own memory growth is not charged to the
# connections (Go has no JIT, and a round of connections would only hand its freed memory back to the
# second round, hiding its cost). Then measure with no connections, open CONNECTIONS (default 19,000:
# what fits under the 20,000 open-file cap per process here, with room for the server's own files),
# check each with one echoed byte, let them sit idle for SETTLE seconds, and measure again.
#
#  - RSS delta: growth of the server's resident memory (/proc/PID/status VmRSS).
#  - heap after GC (JVM servers): growth of live objects after a full GC (jcmd GC.class_histogram).
# JVM servers run with a fixed, pre-touched heap (-Xms=-Xmx, AlwaysPreTouch), so the heap is resident
# before and after and the RSS delta is the native part alone: their cost per connection is RSS delta
# + heap delta. For Go, RSS delta covers everything.
#
#   bench/idle.sh                     # CONNECTIONS=19000, in client processes of PER_CLIENT=10000
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

CONNECTIONS=${CONNECTIONS:-19000}
SETTLE=${SETTLE:-3}
PER_CLIENT=${PER_CLIENT:-10000}
WARMUP=${WARMUP:-5s}
SERVERS=${SERVERS:-"weft-loop weft-vthread netty-epoll go-net"}
JVM_OPTS=${JVM_OPTS:-"-Xms1g -Xmx1g -XX:+AlwaysPreTouch"}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
heap_kib() {
  # The class histogram runs a full GC first and totals the live objects, whatever the collector
  # (a JVM pinned to one core picks the serial collector).
  "$JAVA_HOME/bin/jcmd" "$1" GC.class_histogram | awk '/^Total/ {print int($3 / 1024)}'
}
is_jvm() { [[ "$1" != go-net ]]; }

build_all
out="$RESULTS_DIR/idle-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "# bench/idle.sh $(date -u +%FT%TZ): $CONNECTIONS idle connections, each checked with one echo first"
  echo "# JVM servers: $JVM_OPTS; JDK: $("$JAVA" -version 2>&1 | head -1); Go: $(go version | cut -d' ' -f3)"
  printf '%-14s%12s%14s%16s%16s%14s\n' server connections "RSS delta MiB" "RSS B/conn" "heap B/conn" "total B/conn"
} | tee "$out"

for server in $SERVERS; do
  if is_jvm "$server"; then start_server "$server" "$JVM_OPTS"; else start_server "$server"; fi
  pid=$SERVER_JVM_PID
  taskset -c "$LOAD_CPU" ./weft bench echo --port "$SERVER_PORT" -c 50 --in-flight 4 --warmup 0 -d "$WARMUP" >/dev/null
  processes=$(( (CONNECTIONS + PER_CLIENT - 1) / PER_CLIENT ))
  if is_jvm "$server"; then
    pids=()
    for _ in $(seq 1 "$processes"); do
      python3 bench/idle_clients.py 127.0.0.1 "$SERVER_PORT" $(( CONNECTIONS / processes )) </dev/null >/dev/null &
      pids+=($!)
    done
    wait "${pids[@]}"
  fi
  sleep 2
  heap0=0; is_jvm "$server" && heap0=$(heap_kib "$pid")
  rss0=$(rss_kib "$pid")
  # The client side holds as many files as the server: spread it over processes of at most
  # PER_CLIENT connections each, all held open through one fifo until the measurement is done.
  fifo="$BENCH_TMP/hold"; rm -f "$fifo"; mkfifo "$fifo"
  pids=()
  for i in $(seq 1 "$processes"); do
    share=$(( CONNECTIONS / processes + (i <= CONNECTIONS % processes ? 1 : 0) ))
    python3 bench/idle_clients.py 127.0.0.1 "$SERVER_PORT" "$share" <"$fifo" >"$BENCH_TMP/clients.$i.out" &
    pids+=($!)
  done
  exec 9>"$fifo"
  for _ in $(seq 1 1200); do
    [[ $(cat "$BENCH_TMP"/clients.*.out 2>/dev/null | grep -c ready) -ge $processes ]] && break
    sleep 0.1
  done
  ready=$(cat "$BENCH_TMP"/clients.*.out | grep -oE 'ready [0-9]+' | awk '{n += $2} END {print n + 0}')
  sleep "$SETTLE"
  heap1=0; is_jvm "$server" && heap1=$(heap_kib "$pid")
  rss1=$(rss_kib "$pid")
  exec 9>&-
  wait "${pids[@]}" || true
  rm -f "$BENCH_TMP"/clients.*.out
  stop_server
  python3 - "$server" "$ready" "$rss0" "$rss1" "$heap0" "$heap1" <<'PY' | tee -a "$out"
import sys
server, n, rss0, rss1, heap0, heap1 = sys.argv[1], int(sys.argv[2]), *map(int, sys.argv[3:])
if n == 0:
    print(f"{server:<14} no connection was served"); sys.exit()
rss = (rss1 - rss0) * 1024 / n
heap = (heap1 - heap0) * 1024 / n
# A small negative RSS delta is the allocator returning memory: it is noise, not a saving.
print(f"{server:<14}{n:>12}{(rss1 - rss0) / 1024:>14.1f}{rss:>16.0f}{heap:>16.0f}{max(rss, 0) + heap:>14.0f}"
      f"   (RSS {rss0}K -> {rss1}K, heap {heap0}K -> {heap1}K)")
PY
done
echo "results: $out" >&2
