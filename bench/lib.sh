# Shared by the bench scripts: JDK discovery, builds, starting and stopping servers pinned to a core.
# Source it from a script whose working directory is the repository root.

# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh

SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
RESULTS_DIR=${RESULTS_DIR:-bench/results}
mkdir -p "$RESULTS_DIR"
BENCH_TMP=$(mktemp -d)
SERVER_PID=

cleanup() {
  stop_server
  rm -rf "$BENCH_TMP"
}
trap cleanup EXIT

# Builds the Weft distribution, the Netty peer (weft-jmh's benchmarks.jar) and the Go peer.
build_all() {
  echo "building Weft, the Netty peer and the Go peer..." >&2
  ./mvnw -q -DskipTests -pl weft-cli,weft-jmh -am install >&2
  command -v go >/dev/null || { echo "bench: needs Go (apt-get install golang-go)" >&2; exit 1; }
  GOCACHE=${GOCACHE:-$BENCH_TMP/gocache} go build -o "$BENCH_TMP/go-echo" bench/go/echo.go
}

# start_server NAME [extra JVM options]: starts one echo server on an OS-chosen port, pinned to
# SERVER_CPU; sets SERVER_PID and SERVER_PORT once it prints its listening line.
start_server() {
  local name=$1 jvm_opts=${2:-}
  local log="$BENCH_TMP/$name.log"
  case "$name" in
    weft-loop)    taskset -c "$SERVER_CPU" env WEFT_JAVA_OPTS="$jvm_opts" ./weft echo --port 0 --engine loop \
                    --idle-timeout 0 --max-connections 100000 >"$log" 2>&1 & ;;
    weft-loop-nopoll) # the event loop sleeping as soon as it runs out of work, as before idle polling
                  taskset -c "$SERVER_CPU" env WEFT_JAVA_OPTS="$jvm_opts" ./weft echo --port 0 --engine loop \
                    --idle-poll-us 0 --idle-timeout 0 --max-connections 100000 >"$log" 2>&1 & ;;
    weft-vthread) taskset -c "$SERVER_CPU" env WEFT_JAVA_OPTS="$jvm_opts" ./weft echo --port 0 --engine vthread \
                    --idle-timeout 0 --max-connections 100000 >"$log" 2>&1 & ;;
    netty-epoll)  taskset -c "$SERVER_CPU" "$JAVA" $jvm_opts --enable-native-access=ALL-UNNAMED \
                    -cp weft-jmh/target/benchmarks.jar io.weft.jmh.peer.NettyEchoServer --port 0 \
                    --transport epoll --threads 1 >"$log" 2>&1 & ;;
    go-net)       taskset -c "$SERVER_CPU" "$BENCH_TMP/go-echo" -addr 127.0.0.1:0 >"$log" 2>&1 & ;;
    *) echo "unknown server $name" >&2; exit 1 ;;
  esac
  SERVER_PID=$!
  SERVER_PORT=
  for _ in $(seq 1 600); do
    if grep -q "listening on" "$log" 2>/dev/null; then
      SERVER_PORT=$(grep -m1 "listening on" "$log" | sed -E 's/.*listening on ([0-9.]+:)?([0-9]+).*/\2/')
      break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; echo "bench: $name did not start" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$SERVER_PORT" ] || { cat "$log" >&2; echo "bench: $name did not report its port" >&2; exit 1; }
  # taskset and ./weft both exec, so the pid started is the server process itself.
  SERVER_JVM_PID=$SERVER_PID
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
