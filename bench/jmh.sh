#!/usr/bin/env bash
# Builds weft-jmh and runs JMH benchmarks with the GC profiler (allocation per operation).
#
#   bench/jmh.sh                      # every benchmark matching "Frame", modest defaults
#   bench/jmh.sh FrameCodec.decode -p framing=LINE -i 5 -r 5s
#
# Arguments go to JMH. Defaults (-f 1 -wi 3 -w 2s -i 3 -r 2s -prof gc) apply only to options the
# arguments do not set; passing any -prof replaces the gc profiler. With no arguments the pattern is
# "Frame". The JDK is found by scripts/jdk.sh, as for ./weft.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh

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
