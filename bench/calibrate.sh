#!/usr/bin/env bash
# Calibrates `weft bench` against the generators everybody trusts, on loopback, in bounded time:
#
#   (a) RESP: redis-server pinned to core SERVER_CPU (0); `weft bench resp` and `redis-benchmark` pinned
#       to core LOAD_CPU (1) with the same settings: 50 connections, one thread, SET then GET, 3-byte values,
#       keys over 100000, pipeline 1 and 16, the same request count. Both throughputs and weft/redis-benchmark.
#   (b) HTTP: nginx (one process, worker_processes 1) pinned to core 0 serving a small static file;
#       `weft bench http` and `wrk`, both closed loop with -c 50 -t 1 for DURATION, pinned to core 1, with
#       keep-alive and without it (wrk: -H "Connection: close"). Both throughputs and weft/wrk.
#   (c) Generator cost: from the keep-alive runs of (b), where both generators had the single core 1 to
#       themselves: requests per second, and per core the generator used, weft/wrk. Weft's CPU is its own
#       report over the measured window (--json cpuCores, less idlePollCores: its event loop polls for
#       20 µs before sleeping, which the OS counts as busy); wrk's is utime + stime from /proc over its run.
#
# Every run also records the server's own view, to tell which side was the bottleneck and whether a
# generator counts right: the server's CPU use over the run (utime + stime from /proc), and its own request
# rate, sampled every 250 ms (Redis's total_commands_processed, nginx's stub_status total) and given as
# the median rate of the middle half of the run (bench/server_rate.py).
#
# Weft's figures come from `--json`. The JVM gets WARMUP of untimed load first; redis-benchmark and wrk
# have no warm-up option, so each gets one untimed run before its measured one. Nothing is tuned.
#
#   bench/calibrate.sh                     # 10 s HTTP runs; RESP 1,000,000 requests at -P 1, 8,000,000 at -P 16
#   ROUNDS=1 DURATION=3s RESP_REQUESTS=200000 RESP_REQUESTS_PIPELINED=2000000 WARMUP=1s bench/calibrate.sh
#   PARTS=http ROUNDS=3 bench/calibrate.sh   # only (b) and (c), three times
#   WEFT_FLAGS="--idle-poll-us 0" bench/calibrate.sh
#   PARTS=resp SERVER_CPU_QUOTA=50 bench/calibrate.sh   # redis-server capped at 50% of its core
#
# SERVER_CPU_QUOTA (a percentage of one core, default none) puts the server in a cgroup-v1 CPU controller
# with that CFS quota over a 10 ms period (needs root and /sys/fs/cgroup/cpu). At -P 1 a single-threaded
# redis-benchmark uses its whole core before redis-server uses its own, so uncapped the two generators
# measure themselves rather than the server; capping the server makes it the bottleneck for both, which
# is the condition under which two correct generators must agree.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROUNDS=${ROUNDS:-${ROUND:-1}}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
PARTS=${PARTS:-resp http}
RESP_REQUESTS=${RESP_REQUESTS:-1000000}
RESP_REQUESTS_PIPELINED=${RESP_REQUESTS_PIPELINED:-8000000}
CONNECTIONS=${CONNECTIONS:-50}
KEYSPACE=${KEYSPACE:-100000}
# Extra flags for every `weft bench` run, e.g. "--idle-poll-us 0" for a generator that sleeps as soon as
# it has nothing to do, as redis-benchmark and wrk do.
WEFT_FLAGS=${WEFT_FLAGS:-}
SERVER_CPU_QUOTA=${SERVER_CPU_QUOTA:-}
CGROUP=/sys/fs/cgroup/cpu/weft-calibrate-$$

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
# Times the process went to sleep of its own accord (for a server: found no work and waited in epoll).
sleeps() { awk '/^voluntary_ctxt_switches/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

cores() { # cores TICKS START_NS END_NS -> average cores used
  python3 -c 'import sys; print("%.2f" % (int(sys.argv[1]) / int(sys.argv[2]) / ((int(sys.argv[4]) - int(sys.argv[3])) / 1e9)))' \
    "$1" "$CLK_TCK" "$2" "$3"
}

# Runs a command pinned to LOAD_CPU while watching the server, and sets, once it ends:
#   GEN_CORES     the command's own cores used (utime + stime, sampled every 50 ms until it exits, over wall time)
#   SERVER_CORES  the server's cores used over the same time
#   SERVER_RATE   the server's own request rate (bench/server_rate.py) over the middle half of the run
#   SERVER_IDLE   how often the server ran out of work and slept, per 1000 of its requests: a server that
#                 is the bottleneck always has a request waiting and hardly ever sleeps
# Its output goes to OUTFILE.
run_watched() { # run_watched KIND OUTFILE CMD...
  local kind=$1 out=$2; shift 2
  local s0 t=0 pid sampler server0 samples=$BENCH_TMP/samples
  : >"$samples"
  taskset -c "$LOAD_CPU" python3 bench/server_rate.py sample "$kind" "$SERVER_PORT" "$samples" &
  sampler=$!
  server0=$(cpu_ticks "$SERVER_PID")
  local sleeps0; sleeps0=$(sleeps "$SERVER_PID")
  s0=$(date +%s%N)
  taskset -c "$LOAD_CPU" "$@" >"$out" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    local now; now=$(cpu_ticks "$pid"); [ "$now" -gt 0 ] && t=$now
    sleep 0.05
  done
  local s1; s1=$(date +%s%N)
  local server1; server1=$(cpu_ticks "$SERVER_PID")
  local sleeps1; sleeps1=$(sleeps "$SERVER_PID")
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  wait "$pid" || { cat "$out" >&2; echo "calibrate.sh: $* failed" >&2; exit 1; }
  GEN_CORES=$(cores "$t" "$s0" "$s1")
  SERVER_CORES=$(cores $((server1 - server0)) "$s0" "$s1")
  SERVER_RATE=$(python3 bench/server_rate.py rate "$samples")
  SERVER_IDLE=$(python3 -c 'import sys; n, secs, rate = int(sys.argv[1]), int(sys.argv[2]) / 1e9, float(sys.argv[3]); print("%.1f" % (n / secs / rate * 1000) if rate else "n/a")' \
    $((sleeps1 - sleeps0)) $((s1 - s0)) "$SERVER_RATE")
}

# Caps the server's CPU at SERVER_CPU_QUOTA percent of a core, when set.
cap_server() {
  [ -n "$SERVER_CPU_QUOTA" ] || return 0
  if [ ! -d "$CGROUP" ]; then
    mkdir "$CGROUP" 2>/dev/null || { echo "calibrate.sh: SERVER_CPU_QUOTA needs a writable /sys/fs/cgroup/cpu (cgroup v1, root)" >&2; exit 1; }
    echo 10000 >"$CGROUP/cpu.cfs_period_us"
    echo $((SERVER_CPU_QUOTA * 100)) >"$CGROUP/cpu.cfs_quota_us"
  fi
  echo "$SERVER_PID" >"$CGROUP/cgroup.procs"
}
remove_cgroup() { [ -d "$CGROUP" ] && rmdir "$CGROUP" 2>/dev/null || true; }
trap 'cleanup; remove_cgroup' EXIT

start_redis() {
  SERVER_PORT=$(free_port)
  taskset -c "$SERVER_CPU" redis-server --port "$SERVER_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --protected-mode no >"$BENCH_TMP/redis.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    [ "$(redis-cli -p "$SERVER_PORT" PING 2>/dev/null)" = "PONG" ] && { cap_server; return 0; }
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
        location = /nginx_status { stub_status; }
    }
}
CONF
  taskset -c "$SERVER_CPU" "$NGINX" -p "$d" -e "$d/error.log" -c "$d/nginx.conf" >"$d/stdout.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' \
      "$SERVER_PORT" 2>/dev/null && { cap_server; return 0; }
    sleep 0.1
  done
  cat "$d/error.log" "$d/stdout.log" >&2; echo "calibrate.sh: nginx did not start" >&2; exit 1
}

weft_resp() { # weft_resp COMMAND PIPELINE REQUESTS JSON: sets CMD
  CMD=(./weft bench resp --port "$SERVER_PORT" -c "$CONNECTIONS" -t 1 -P "$2" --command "$1" --value-size 3
    --keyspace "$KEYSPACE" -n "$3" --warmup "$WARMUP" --max-errors 1000000000000 --json "$4" $WEFT_FLAGS)
}

rb() { # rb TEST PIPELINE REQUESTS: sets CMD
  CMD=(redis-benchmark -p "$SERVER_PORT" -t "$1" -c "$CONNECTIONS" -n "$3" -r "$KEYSPACE" -d 3 -P "$2" --csv)
}

rb_rps() { # rb_rps OUTFILE -> requests per second redis-benchmark reported
  awk -F'"' '$2 ~ /^(SET|GET)$/ {printf "%d", $4; exit}' "$1"
}

resp_round() {
  start_redis
  echo "## (a) RESP: redis-server $(redis-server --version | awk '{print $3}') on core $SERVER_CPU; generators on core $LOAD_CPU: -c $CONNECTIONS, 1 thread, 3-byte values, $KEYSPACE keys; $RESP_REQUESTS requests at -P 1, $RESP_REQUESTS_PIPELINED at -P 16"
  echo "#  req/s: what the generator reported; server: redis-server's own rate (total_commands_processed);"
  echo "#  cores: generator / redis-server CPU over the run; idle: times redis-server ran out of work and slept, per 1000 requests"
  printf '%-5s %3s | %9s %9s %11s %6s | %9s %9s %11s %6s | %8s %8s\n' test P "weft" "server" "cores" "idle" \
    "r-bench" "server" "cores" "idle" "weft/rb" "errors"
  ./weft --version >/dev/null # builds the distribution now, not inside a timed run
  for pipeline in 1 16; do
    local requests=$RESP_REQUESTS; [ "$pipeline" -gt 1 ] && requests=$RESP_REQUESTS_PIPELINED
    local test cmd w_rps w_err w_line rb_line r_rps
    declare -A lines=()
    redis-cli -p "$SERVER_PORT" FLUSHALL >/dev/null
    for test in set get; do
      cmd="SET __key__ __value__"; [ "$test" = get ] && cmd="GET __key__"
      weft_resp "$cmd" "$pipeline" "$requests" "$BENCH_TMP/w.json"
      run_watched redis "$BENCH_TMP/weft.out" "${CMD[@]}"
      w_rps=$(json "$BENCH_TMP/w.json" 'round(d["summary"]["throughput"])')
      w_err=$(json "$BENCH_TMP/w.json" 'd["errors"]["total"]')
      w_line=$(printf '%9s %9s %5s/%5s %6s' "$w_rps" "$SERVER_RATE" \
        "$(json "$BENCH_TMP/w.json" '"%.2f" % d["summary"]["cpuCores"]')" "$SERVER_CORES" "$SERVER_IDLE")
      lines[$test]="$w_line|$w_rps|$w_err"
    done
    redis-cli -p "$SERVER_PORT" FLUSHALL >/dev/null
    taskset -c "$LOAD_CPU" redis-benchmark -p "$SERVER_PORT" -t set -c "$CONNECTIONS" -n "$RESP_REQUESTS" \
      -r "$KEYSPACE" -d 3 -P "$pipeline" --csv >/dev/null # untimed warm-up, as the JVM had
    for test in set get; do
      rb "$test" "$pipeline" "$requests"
      run_watched redis "$BENCH_TMP/rb.out" "${CMD[@]}"
      r_rps=$(rb_rps "$BENCH_TMP/rb.out")
      rb_line=$(printf '%9s %9s %5s/%5s %6s' "$r_rps" "$SERVER_RATE" "$GEN_CORES" "$SERVER_CORES" "$SERVER_IDLE")
      IFS='|' read -r w_line w_rps w_err <<<"${lines[$test]}"
      printf '%-5s %3s | %s | %s | %8s %8s\n' "$test" "$pipeline" "$w_line" "$rb_line" \
        "$(ratio "$w_rps" "$r_rps")" "$w_err"
    done
  done
  stop_server
}

weft_http() { # weft_http JSON [extra flags...]: sets CMD
  local json=$1; shift
  CMD=(./weft bench http --port "$SERVER_PORT" --path /index.html -c "$CONNECTIONS" -t 1 -d "$DURATION"
    --warmup "$WARMUP" --max-errors 1000000000000 --json "$json" $WEFT_FLAGS "$@")
}

http_round() {
  start_nginx
  local url="http://127.0.0.1:$SERVER_PORT/index.html"
  echo "## (b) HTTP: $("$NGINX" -v 2>&1 | cut -d' ' -f3) (one process, worker_processes 1) on core $SERVER_CPU serving a $(wc -c <"$BENCH_TMP/nginx/root/index.html")-byte file; generators on core $LOAD_CPU: closed loop, -c $CONNECTIONS -t 1, $DURATION"
  echo "#  req/s: what the generator reported; server: nginx's own rate (stub_status); cores: generator / nginx"
  printf '%-10s | %9s %9s %11s | %9s %9s %11s | %8s %8s\n' mode "weft" "server" "cores" "wrk" "server" "cores" \
    "weft/wrk" "errors"
  local mode w_rps w_err w_cores w_poll w_line k_rps k_cores k_note
  for mode in keep-alive close; do
    local weft_flags=() wrk_flags=()
    [ "$mode" = close ] && weft_flags=(--no-keep-alive) && wrk_flags=(-H "Connection: close")
    weft_http "$BENCH_TMP/h.json" "${weft_flags[@]}"
    run_watched nginx "$BENCH_TMP/weft-http.out" "${CMD[@]}"
    w_rps=$(json "$BENCH_TMP/h.json" 'round(d["summary"]["throughput"])')
    w_err=$(json "$BENCH_TMP/h.json" 'd["errors"]["total"]')
    w_cores=$(json "$BENCH_TMP/h.json" '"%.2f" % d["summary"]["cpuCores"]')
    w_poll=$(json "$BENCH_TMP/h.json" '"%.2f" % d["summary"]["idlePollCores"]')
    w_line=$(printf '%9s %9s %5s/%5s' "$w_rps" "$SERVER_RATE" "$w_cores" "$SERVER_CORES")
    taskset -c "$LOAD_CPU" wrk -c "$CONNECTIONS" -t 1 -d "$WARMUP" "${wrk_flags[@]}" "$url" >/dev/null # untimed warm-up
    run_watched nginx "$BENCH_TMP/wrk.out" wrk -c "$CONNECTIONS" -t 1 -d "$DURATION" "${wrk_flags[@]}" "$url"
    k_rps=$(awk '/^Requests\/sec:/ {printf "%d", $2}' "$BENCH_TMP/wrk.out")
    k_cores=$GEN_CORES
    k_note=$(grep -E 'Non-2xx|Socket errors' "$BENCH_TMP/wrk.out" | xargs || true)
    printf '%-10s | %s | %9s %9s %5s/%5s | %8s %8s\n' "$mode" "$w_line" "$k_rps" "$SERVER_RATE" "$k_cores" \
      "$SERVER_CORES" "$(ratio "$w_rps" "$k_rps")" "$w_err"
    [ -n "$k_note" ] && echo "#  wrk ($mode): $k_note"
    if [ "$mode" = keep-alive ]; then
      GEN=("$w_rps" "$w_cores" "$k_rps" "$k_cores" "$w_poll")
    fi
  done
  echo "## (c) Generator cost: the keep-alive runs of (b), each generator alone on core $LOAD_CPU (weft: its --json cpuCores over the measured window, less the time its event loop spent polling while idle; wrk: utime+stime from /proc over its run)"
  local weft_busy weft_per wrk_per
  weft_busy=$(python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) - float(sys.argv[2])))' "${GEN[1]}" "${GEN[4]}")
  weft_per=$(python3 -c 'import sys; print(round(float(sys.argv[1]) / float(sys.argv[2])))' "${GEN[0]}" "$weft_busy")
  wrk_per=$(python3 -c 'import sys; print(round(float(sys.argv[1]) / float(sys.argv[2])))' "${GEN[2]}" "${GEN[3]}")
  printf '%-26s %12s %12s %9s\n' "" "weft" "wrk" "weft/wrk"
  printf '%-26s %12s %12s %9s\n' "req/s" "${GEN[0]}" "${GEN[2]}" "$(ratio "${GEN[0]}" "${GEN[2]}")"
  printf '%-26s %12s %12s\n' "generator cores used" "${GEN[1]}" "${GEN[3]}"
  printf '%-26s %12s %12s\n' "  of them polling idle" "${GEN[4]}" "0"
  printf '%-26s %12s %12s %9s\n' "req/s per core of work" "$weft_per" "$wrk_per" "$(ratio "$weft_per" "$wrk_per")"
  stop_server
}

echo "# bench/calibrate.sh $(date -u +%FT%TZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); JDK: $("$JAVA" -version 2>&1 | head -1)"
echo "# weft warm-up $WARMUP${WEFT_FLAGS:+, extra flags $WEFT_FLAGS}${SERVER_CPU_QUOTA:+; server capped at $SERVER_CPU_QUOTA% of core $SERVER_CPU}; redis-benchmark and wrk get one untimed run first; $ROUNDS round(s)"
for round in $(seq 1 "$ROUNDS"); do
  echo "# round $round"
  for part in $PARTS; do
    "${part}_round"
  done
done
