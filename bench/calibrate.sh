#!/usr/bin/env bash
# Calibrates `weft bench` against the generators everybody trusts, on loopback, in bounded time:
#
#   (a) RESP: redis-server pinned to core SERVER_CPU (0); `weft bench resp` and `redis-benchmark` pinned
#       to core LOAD_CPU (1) with the same settings: 50 connections, one thread, SET then GET, 3-byte values,
#       keys over 100000, pipeline 1 and 16, the same request count. Both throughputs and weft/redis-benchmark.
#   (b) HTTP: nginx (one process, worker_processes 1) pinned to core 0 serving a small static file;
#       `weft bench http` and `wrk`, both closed loop with -c 50 -t 1 for DURATION, pinned to core 1.
#       Both throughputs and weft/wrk.
#   (c) Generator cost: from the same runs as (b), where both generators had the single core 1 to
#       themselves: requests per second per core the generator used, weft/wrk. Weft's CPU is its own
#       report over the measured window (--json cpuCores); wrk's is utime + stime from /proc over its run.
#
# Weft's figures come from `--json`. The JVM gets WARMUP of untimed load first; redis-benchmark and wrk
# have no warm-up option, so each gets one untimed run before its measured one. Nothing is tuned.
#
#   bench/calibrate.sh                               # 10 s runs, 1,000,000 RESP requests, one round
#   ROUNDS=1 DURATION=3s RESP_REQUESTS=200000 WARMUP=1s bench/calibrate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROUNDS=${ROUNDS:-${ROUND:-1}}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
RESP_REQUESTS=${RESP_REQUESTS:-1000000}
CONNECTIONS=${CONNECTIONS:-50}
KEYSPACE=${KEYSPACE:-100000}

for tool in redis-server redis-cli redis-benchmark wrk python3 taskset; do
  command -v "$tool" >/dev/null || { echo "calibrate.sh: needs $tool" >&2; exit 1; }
done
NGINX=${NGINX:-/usr/sbin/nginx}
[ -x "$NGINX" ] || { echo "calibrate.sh: needs nginx (apt-get install nginx-light)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
ratio() { python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print("%.2f" % (a / b) if b else "n/a")' "$1" "$2"; }
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Runs a command in the background pinned to LOAD_CPU and, once it ends, prints the cores it used on
# average: its utime + stime, sampled every 50 ms until it exits (the last sample is kept), over wall time.
run_measured() { # run_measured OUTFILE CMD... -> cores used, on stdout
  local out=$1; shift
  local s0 t=0 pid
  s0=$(date +%s%N)
  taskset -c "$LOAD_CPU" "$@" >"$out" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    local now; now=$(cpu_ticks "$pid"); [ "$now" -gt 0 ] && t=$now
    sleep 0.05
  done
  wait "$pid" || { cat "$out" >&2; echo "calibrate.sh: $* failed" >&2; exit 1; }
  python3 -c 'import sys; print("%.2f" % (int(sys.argv[1]) / int(sys.argv[2]) / ((int(sys.argv[3]) - int(sys.argv[4])) / 1e9)))' \
    "$t" "$CLK_TCK" "$(date +%s%N)" "$s0"
}

start_redis() {
  SERVER_PORT=$(free_port)
  taskset -c "$SERVER_CPU" redis-server --port "$SERVER_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --protected-mode no >"$BENCH_TMP/redis.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    [ "$(redis-cli -p "$SERVER_PORT" PING 2>/dev/null)" = "PONG" ] && return 0
    sleep 0.1
  done
  cat "$BENCH_TMP/redis.log" >&2; echo "calibrate.sh: redis-server did not start" >&2; exit 1
}

start_nginx() {
  local d=$BENCH_TMP/nginx
  mkdir -p "$d/root"
  # A small static file, like the default welcome page's size class.
  python3 -c 'print("<html><body>" + "weft calibration " * 6 + "</body></html>")' >"$d/root/index.html"
  SERVER_PORT=$(free_port)
  cat >"$d/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $d/nginx.pid;
error_log $d/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $d/body;
    proxy_temp_path $d/proxy;
    fastcgi_temp_path $d/fastcgi;
    uwsgi_temp_path $d/uwsgi;
    scgi_temp_path $d/scgi;
    keepalive_requests 100000000;
    server {
        listen 127.0.0.1:$SERVER_PORT;
        root $d/root;
        default_type text/html;
    }
}
CONF
  taskset -c "$SERVER_CPU" "$NGINX" -p "$d" -e "$d/error.log" -c "$d/nginx.conf" >"$d/stdout.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' \
      "$SERVER_PORT" 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$d/error.log" "$d/stdout.log" >&2; echo "calibrate.sh: nginx did not start" >&2; exit 1
}

weft_resp() { # weft_resp COMMAND PIPELINE JSON
  taskset -c "$LOAD_CPU" ./weft bench resp --port "$SERVER_PORT" -c "$CONNECTIONS" -t 1 -P "$2" --command "$1" --value-size 3 \
    --keyspace "$KEYSPACE" -n "$RESP_REQUESTS" --warmup "$WARMUP" --max-errors 1000000000000 --json "$3"
}

rb() { # rb TEST PIPELINE -> requests per second
  taskset -c "$LOAD_CPU" redis-benchmark -p "$SERVER_PORT" -t "$1" -c "$CONNECTIONS" -n "$RESP_REQUESTS" \
    -r "$KEYSPACE" -d 3 -P "$2" --csv | awk -F'"' 'NR > 1 {print $4; exit}'
}

resp_round() {
  start_redis
  echo "## (a) RESP: redis-server $(redis-server --version | awk '{print $3}') on core $SERVER_CPU; generators on core $LOAD_CPU: -c $CONNECTIONS, 1 thread, $RESP_REQUESTS requests, 3-byte values, $KEYSPACE keys"
  printf '%-10s %9s %14s %18s %7s %12s\n' test pipeline "weft req/s" "redis-bench req/s" ratio "weft errors"
  ./weft --version >/dev/null # builds the distribution now, not inside a timed run
  for pipeline in 1 16; do
    redis-cli -p "$SERVER_PORT" FLUSHALL >/dev/null
    declare -A weft_rps=() weft_err=() rb_rps=()
    for test in set get; do
      local cmd="SET __key__ __value__"; [ "$test" = get ] && cmd="GET __key__"
      weft_resp "$cmd" "$pipeline" "$BENCH_TMP/w.json" >"$BENCH_TMP/weft.out" 2>&1 \
        || { cat "$BENCH_TMP/weft.out" >&2; exit 1; }
      weft_rps[$test]=$(json "$BENCH_TMP/w.json" 'round(d["summary"]["throughput"])')
      weft_err[$test]=$(json "$BENCH_TMP/w.json" 'd["errors"]["total"]')
    done
    redis-cli -p "$SERVER_PORT" FLUSHALL >/dev/null
    rb set "$pipeline" >/dev/null # untimed warm-up, as the JVM had
    for test in set get; do
      rb_rps[$test]=$(rb "$test" "$pipeline")
    done
    for test in set get; do
      printf '%-10s %9s %14s %18s %7s %12s\n' "$test" "$pipeline" "${weft_rps[$test]}" "${rb_rps[$test]}" \
        "$(ratio "${weft_rps[$test]}" "${rb_rps[$test]}")" "${weft_err[$test]}"
    done
  done
  stop_server
}

http_round() {
  start_nginx
  local url="http://127.0.0.1:$SERVER_PORT/index.html"
  echo "## (b) HTTP: $("$NGINX" -v 2>&1 | cut -d' ' -f3) (one process, worker_processes 1) on core $SERVER_CPU serving a $(wc -c <"$BENCH_TMP/nginx/root/index.html")-byte file; generators on core $LOAD_CPU: closed loop, -c $CONNECTIONS -t 1, $DURATION"
  local weft_cores wrk_cores weft_rps wrk_rps weft_err wrk_note
  taskset -c "$LOAD_CPU" ./weft bench http --port "$SERVER_PORT" --path /index.html -c "$CONNECTIONS" -t 1 \
    -d "$DURATION" --warmup "$WARMUP" --max-errors 1000000000000 --json "$BENCH_TMP/h.json" >"$BENCH_TMP/weft-http.out" \
    || { cat "$BENCH_TMP/weft-http.out" >&2; exit 1; }
  weft_cores=$(json "$BENCH_TMP/h.json" '"%.2f" % d["summary"]["cpuCores"]')
  weft_rps=$(json "$BENCH_TMP/h.json" 'round(d["summary"]["throughput"])')
  weft_err=$(json "$BENCH_TMP/h.json" 'd["errors"]["total"]')
  taskset -c "$LOAD_CPU" wrk -c "$CONNECTIONS" -t 1 -d "$WARMUP" "$url" >/dev/null # untimed warm-up
  wrk_cores=$(run_measured "$BENCH_TMP/wrk.out" wrk -c "$CONNECTIONS" -t 1 -d "$DURATION" "$url")
  wrk_rps=$(awk '/^Requests\/sec:/ {printf "%d", $2}' "$BENCH_TMP/wrk.out")
  wrk_note=$(grep -E 'Non-2xx|Socket errors' "$BENCH_TMP/wrk.out" | xargs || true)
  printf '%-14s %12s %12s %7s\n' "" "weft" "wrk" "weft/wrk"
  printf '%-14s %12s %12s %7s\n' "req/s" "$weft_rps" "$wrk_rps" "$(ratio "$weft_rps" "$wrk_rps")"
  echo "weft errors: $weft_err; wrk: ${wrk_note:-no errors reported}"
  echo "## (c) Generator cost: the (b) runs, each generator alone on core $LOAD_CPU (weft: its --json cpuCores over the measured window; wrk: utime+stime from /proc over its run)"
  local weft_per wrk_per
  weft_per=$(python3 -c 'import sys; print(round(float(sys.argv[1]) / float(sys.argv[2])))' "$weft_rps" "$weft_cores")
  wrk_per=$(python3 -c 'import sys; print(round(float(sys.argv[1]) / float(sys.argv[2])))' "$wrk_rps" "$wrk_cores")
  printf '%-22s %12s %12s %7s\n' "" "weft" "wrk" "weft/wrk"
  printf '%-22s %12s %12s\n' "generator cores used" "$weft_cores" "$wrk_cores"
  printf '%-22s %12s %12s %7s\n' "req/s per core used" "$weft_per" "$wrk_per" "$(ratio "$weft_per" "$wrk_per")"
  stop_server
}

echo "# bench/calibrate.sh $(date -u +%FT%TZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); JDK: $("$JAVA" -version 2>&1 | head -1)"
echo "# weft warm-up $WARMUP; redis-benchmark and wrk get one untimed run first; $ROUNDS round(s)"
for round in $(seq 1 "$ROUNDS"); do
  echo "# round $round"
  resp_round
  http_round
done
