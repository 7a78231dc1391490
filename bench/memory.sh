#!/usr/bin/env bash
# Memory per key: KEYS (1,000,000) keys with 10-byte names and 10-byte values, loaded with
# `redis-cli --pipe` into real redis-server and into `weft serve` (both engines share one keyspace
# design, so the loop engine stands for both). Reports INFO memory's used_memory before and after the
# load, and the difference per key; and each process's resident set size.
#
# Weft's used_memory is the JVM heap in use. The script runs a full GC (jcmd GC.run) before each
# reading so it counts live data rather than garbage not yet collected; Redis's is its allocator's count.
#
#   bench/memory.sh
#   KEYS=200000 bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

KEYS=${KEYS:-1000000}
command -v redis-cli >/dev/null || { echo "memory.sh: needs redis-cli (apt-get install redis-tools)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

python3 - "$KEYS" >"$BENCH_TMP/load.resp" <<'PY'
import sys
out = sys.stdout
for i in range(int(sys.argv[1])):
    k = "k%09d" % i
    v = "v%09d" % i
    out.write("*3\r\n$3\r\nSET\r\n$10\r\n%s\r\n$10\r\n%s\r\n" % (k, v))
PY

used_memory() { redis-cli -p "$1" INFO memory | tr -d '\r' | awk -F: '$1=="used_memory"{print $2}'; }
rss_kib() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }
settle() { # settle NAME PID: a full GC for the JVM, so the heap holds live data only
  if [ "$1" != redis ]; then "$JAVA_HOME/bin/jcmd" "$2" GC.run >/dev/null; fi
}

echo "building Weft..." >&2
./mvnw -q -DskipTests -pl weft-cli -am install >&2
printf '%-10s %14s %14s %12s %12s\n' server used_before used_after bytes/key rss_MiB
for server in redis weft; do
  port=$(free_port)
  if [ "$server" = redis ]; then
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >"$BENCH_TMP/$server.log" 2>&1 &
  else
    ./weft serve --port "$port" >"$BENCH_TMP/$server.log" 2>&1 &
  fi
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    [ "$(redis-cli -p "$port" PING 2>/dev/null)" = "PONG" ] && break
    sleep 0.1
  done
  # The JVM's own classes settle on first use; load and drop a few keys so "before" excludes them.
  redis-cli -p "$port" SET warm up >/dev/null && redis-cli -p "$port" DEL warm >/dev/null
  settle "$server" "$SERVER_PID"
  before=$(used_memory "$port")
  redis-cli -p "$port" --pipe <"$BENCH_TMP/load.resp" >"$BENCH_TMP/$server.pipe" 2>&1
  grep -q "errors: 0, replies: $KEYS" "$BENCH_TMP/$server.pipe" || { cat "$BENCH_TMP/$server.pipe" >&2; exit 1; }
  [ "$(redis-cli -p "$port" DBSIZE)" = "$KEYS" ] || { echo "memory.sh: $server holds the wrong key count" >&2; exit 1; }
  settle "$server" "$SERVER_PID"
  after=$(used_memory "$port")
  printf '%-10s %14d %14d %12.1f %12.1f\n' "$server" "$before" "$after" \
    "$(echo "($after - $before) / $KEYS" | bc -l)" "$(echo "$(rss_kib "$SERVER_PID") / 1024" | bc -l)"
  stop_server
done
