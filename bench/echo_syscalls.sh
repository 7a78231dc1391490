#!/usr/bin/env bash
# System calls per echoed message, on both sides, for the servers bench/echo.sh compares.
#
# The servers and the load are pinned as in bench/echo.sh. After the warm-up, `perf stat` counts the
# server's and the load generator's calls to read/write, recvfrom/sendto, epoll_wait and epoll_ctl
# (and epoll_pwait, epoll_pwait2) for MEASURE seconds, with their CPU use. Dividing by the messages echoed in that time shows what each
# message costs in calls, and how the server's way of answering changes the load generator's work: a
# load generator that gets one reply per epoll_wait pays for a wait per message.
#
# Needs perf (Debian: linux-perf) and permission to read syscall tracepoints (root, or
# kernel.perf_event_paranoid <= -1).
#
#   bench/echo_syscalls.sh                         # every server, ping-pong and 16 in flight
#   SERVERS="netty-epoll weft-vthread" WORKLOADS=1 bench/echo_syscalls.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

MEASURE=${MEASURE:-4}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-50}
SERVERS=${SERVERS:-"netty-epoll weft-loop weft-vthread go-net"}
WORKLOADS=${WORKLOADS:-"1 16"}
CALLS="read write recvfrom sendto epoll_wait epoll_pwait epoll_pwait2 epoll_ctl"

command -v perf >/dev/null || { echo "echo_syscalls.sh: needs perf (apt-get install linux-perf)" >&2; exit 1; }
events=task-clock
for call in $CALLS; do events+=",syscalls:sys_enter_$call"; done

# per_message FILE MESSAGES: "cpu=0.98 read=1.00 ..." from a perf stat output file.
per_message() {
  awk -v msgs="$2" -v secs="$MEASURE" '
    /task-clock/ { gsub(",", "", $1); printf "cpu=%.2f", $1 / (secs * 1000) }
    /syscalls:sys_enter_/ { gsub(",", "", $1); name = $2; sub("syscalls:sys_enter_", "", name)
                            if ($1 > 0) printf " %s=%.3f", name, $1 / msgs }' "$1"
}

build_all
for server in $SERVERS; do
  for depth in $WORKLOADS; do
    start_server "$server"
    duration=$(( WARMUP + MEASURE + 2 ))
    taskset -c "$LOAD_CPU" ./weft bench echo --port "$SERVER_PORT" -c "$CONNECTIONS" --in-flight "$depth" \
      --size 64 --warmup 1s -d "${duration}s" -t 1 --json "$BENCH_TMP/load.json" >/dev/null &
    load=$!
    sleep "$WARMUP"
    client=$(pgrep -f -n "bench echo --port $SERVER_PORT ")
    perf stat -e "$events" -p "$SERVER_PID" -o "$BENCH_TMP/server.txt" -- sleep "$MEASURE" &
    server_stat=$!
    perf stat -e "$events" -p "$client" -o "$BENCH_TMP/client.txt" -- sleep "$MEASURE"
    wait "$server_stat"
    wait "$load"
    # The load's one-second timeline starts after its 1 s warm-up: count the seconds perf watched.
    messages=$(python3 - "$BENCH_TMP/load.json" "$WARMUP" "$MEASURE" <<'PY'
import json, sys
timeline = json.load(open(sys.argv[1]))["timeline"]
first, count = int(sys.argv[2]), int(sys.argv[3])
print(sum(s["requests"] for s in timeline if first <= round(s["t"]) < first + count))
PY
)
    echo "server=$server in_flight=$depth msgs/s=$(( messages / MEASURE ))"
    echo "  server: $(per_message "$BENCH_TMP/server.txt" "$messages")"
    echo "  load:   $(per_message "$BENCH_TMP/client.txt" "$messages")"
    stop_server
  done
done
