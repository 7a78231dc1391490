#!/usr/bin/env bash
# 100,000 concurrent connections held on one machine: Weft echo servers sharing one port with
# SO_REUSEPORT, and `weft bench connect` opening, pinging and finally checking every connection.
#
# One process may hold at most `ulimit -Hn` files (20,000 here), so neither side fits in one JVM:
# SERVERS echo processes share the port (the kernel spreads incoming connections over them by a hash
# of the address pair), and the client runs as PROCESSES child JVMs. One source address has some 28,000
# ephemeral ports (net.ipv4.ip_local_port_range), so the client connects from SOURCES loopback
# addresses (127.0.0.2, 127.0.0.3, ...). Ten rather than the four that would fit: binding port 0 on an
# address gets slow as the address fills up (a first run with 4, about 22,000 ports each, spent all
# its time in the kernel, 100% system CPU, and reached 87,000 connections in its time limit), and with
# 10 each address stays near 10,000. Everything stops by itself: the client within its hold plus a
# bounded margin (LIMIT seconds at most), then the servers.
#
#   bench/connections.sh                             # 100,000 connections
#   CONNECTIONS=20000 PROCESSES=2 SERVERS=2 HOLD=10s bench/connections.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh

CONNECTIONS=${CONNECTIONS:-100000}
PROCESSES=${PROCESSES:-6}
SERVERS=${SERVERS:-6}
SOURCES=${SOURCES:-10}
RATE=${RATE:-5000}
HOLD=${HOLD:-30s}
PING=${PING:-10s}
LIMIT=${LIMIT:-300}
JVM=${JVM:-"-Xms256m -Xmx1g -XX:+UseSerialGC"}
RESULTS_DIR=${RESULTS_DIR:-bench/results}

mkdir -p "$RESULTS_DIR"
TMP=$(mktemp -d)
PIDS=()
stop_servers() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap 'stop_servers; rm -rf "$TMP"' EXIT

per_server=$(( (CONNECTIONS + SERVERS - 1) / SERVERS ))
hard=$(ulimit -Hn)
ulimit -n "$hard"
# The reuse-port hash spreads connections unevenly; leave each server room above its share.
max_per_server=$(( hard - 500 ))
if (( per_server * 105 / 100 > max_per_server )); then
  echo "connections.sh: $per_server connections per server is too close to the open-file cap of $hard;" \
       "raise SERVERS" >&2
  exit 1
fi

./mvnw -q -o -DskipTests -pl weft-cli -am install >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

for i in $(seq 1 "$SERVERS"); do
  WEFT_JAVA_OPTS="$JVM" ./weft echo --port "$port" --reuse-port --loops 1 --idle-timeout 0 \
    --max-connections "$max_per_server" >"$TMP/server-$i.log" 2>&1 &
  PIDS+=($!)
done
for i in $(seq 1 "$SERVERS"); do
  for _ in $(seq 1 300); do
    grep -q "listening on" "$TMP/server-$i.log" 2>/dev/null && break
    kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null || { cat "$TMP/server-$i.log" >&2; exit 1; }
    sleep 0.1
  done
done

out="$RESULTS_DIR/connections-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "# bench/connections.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(uname -sr), files per process $hard"
  echo "# $SERVERS echo servers (SO_REUSEPORT, 1 loop each) on 127.0.0.1:$port; client: $PROCESSES processes," \
       "$SOURCES source addresses; JVM options: $JVM"
  # Every 5 s: the kernel's own count of server-side established connections (a check independent of
  # the client's report), the servers' and the client processes' resident memory (kB) and the kernel's
  # TCP memory (pages, /proc/net/sockstat). Memory per connection is taken at the sample with the most
  # connections, less the servers' resident memory before the client started.
  server_rss() { local t=0 pid; for pid in "${PIDS[@]}"; do
      t=$(( t + $(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0) )); done; echo "$t"; }
  client_rss() { local t=0 pid; for pid in $(pgrep -f "bench connect .*--port $port" || true); do
      t=$(( t + $(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0) )); done; echo "$t"; }
  tcp_pages() { awk '$1 == "TCP:" {for (i = 2; i < NF; i++) if ($i == "mem") print $(i + 1)}' /proc/net/sockstat; }
  idle_rss=$(server_rss)
  idle_tcp=$(tcp_pages)
  ( while sleep 5; do
      echo "$(ss -Htn state established src "127.0.0.1:$port" | wc -l) $(server_rss) $(client_rss) $(tcp_pages)"
    done >"$TMP/samples" ) &
  sampler=$!
  status=0
  WEFT_JAVA_OPTS="$JVM" timeout --kill-after=10 "$LIMIT" ./weft bench connect --port "$port" \
    -c "$CONNECTIONS" --rate "$RATE" --processes "$PROCESSES" --sources "$SOURCES" --hold "$HOLD" \
    --ping-interval "$PING" --timeout 20s --max-errors 0 --json "${out%.txt}.json" 2>&1 || status=$?
  kill "$sampler" 2>/dev/null || true
  echo "# client exit status $status"
  read -r most srss crss tcp < <(sort -n "$TMP/samples" | tail -1) || true
  echo "# most server-side established connections seen by ss: ${most:-0}"
  if [ "${most:-0}" -gt 0 ]; then
    echo "# memory at that moment: servers' RSS $((srss / 1024)) MiB (before the client: $((idle_rss / 1024)) MiB)," \
         "client processes' RSS $((crss / 1024)) MiB, kernel TCP memory $(( (tcp - idle_tcp) * 4 / 1024 )) MiB"
    echo "# per connection: server JVMs $(( (srss - idle_rss) * 1024 / most )) bytes," \
         "client JVMs $(( crss * 1024 / most )) bytes (JVM baseline included)," \
         "kernel TCP buffers $(( (tcp - idle_tcp) * 4096 / most )) bytes for both ends"
  fi
  for i in $(seq 1 "$SERVERS"); do
    pid=${PIDS[$((i - 1))]}
    echo "# server $i: pid $pid, RSS $(awk '/^VmRSS:/ {print $2 " " $3}' "/proc/$pid/status" 2>/dev/null)"
  done
} | tee "$out"
stop_servers
echo "wrote $out" >&2
