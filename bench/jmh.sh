#!/usr/bin/env bash
# Builds weft-jmh and runs JMH benchmarks with the GC profiler (allocation per operation).
#
#   bench/jmh.sh                      # every benchmark matching "Frame", modest defaults
#   bench/jmh.sh FrameCodec.decode -p framing=LINE -i 5 -r 5s
#
# Arguments go to JMH. Defaults (-f 1 -wi 3 -w 2s -i 3 -r 2s -prof gc) apply only to options the
# arguments do not set; passing any -prof replaces the gc profiler. With no arguments the pattern is
# "Frame". Use JDK 25 or newer: JAVA_HOME if it qualifies, else the newest one under /usr/lib/jvm.
set -euo pipefail
cd "$(dirname "$0")/.."

# Major version of the JDK at $1 from its release file ("1.8.0" reads as 1: too old either way).
jdk_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

find_jdk() {
  local major
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    major=$(jdk_major "$JAVA_HOME")
    if (( ${major:-0} >= 25 )); then echo "$JAVA_HOME"; return; fi
  fi
  local best="" best_major=0 dir
  for dir in /usr/lib/jvm/*; do
    [[ -x "$dir/bin/java" && ! -L "$dir" ]] || continue
    major=$(jdk_major "$dir")
    if (( ${major:-0} >= 25 && ${major:-0} > best_major )); then best=$dir; best_major=$major; fi
  done
  [[ -n "$best" ]] && echo "$best"
}

if ! JAVA_HOME=$(find_jdk); then
  echo "jmh.sh: no JDK 25 or newer found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2
  exit 1
fi
export JAVA_HOME

./mvnw -q -pl weft-jmh -am package -DskipTests

args=("$@")
(( ${#args[@]} > 0 )) || args=(Frame)

# JMH rejects an option given twice, so add each default only when the caller did not.
given() {
  local flag=$1 arg
  for arg in "${args[@]}"; do [[ "$arg" == "$flag" ]] && return 0; done
  return 1
}
defaults=(-f 1 -wi 3 -w 2s -i 3 -r 2s -prof gc)
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  given "${defaults[k]}" || args+=("${defaults[k]}" "${defaults[k + 1]}")
done

exec "$JAVA_HOME/bin/java" -jar weft-jmh/target/benchmarks.jar "${args[@]}"
