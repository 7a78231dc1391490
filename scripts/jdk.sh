# shellcheck shell=bash
# Finds a JDK 25 or newer for the scripts that source this file (./weft, .ci/run, bench/).
#
#   source scripts/jdk.sh || exit 1
#
# Sourcing exports JAVA_HOME and JAVA (its bin/java), or prints one line on stderr and returns 1
# (with `set -e` that stops the calling script). JAVA_HOME wins when it is new enough; otherwise the
# newest JDK among the homes matching WEFT_JDK_SEARCH_PATH, a colon-separated list of glob patterns
# (default below).

WEFT_MIN_JDK=25
WEFT_JDK_SEARCH_PATH_DEFAULT="/usr/lib/jvm/*:/opt/*jdk*:$HOME/.sdkman/candidates/java/*"

# Prints the version of the JDK at $1 ("25.0.1", "17.0.15", "1.8.0_392"), or nothing if $1 has no
# runnable bin/java. The release file is read first because starting a JVM costs a fraction of a second.
weft_jdk_version() {
  local home=$1 version=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z "$version" ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/^.* version "\([^"]*\)".*$/\1/p' | head -n 1)
  fi
  echo "$version"
}

# The major version in a version string: "25.0.1" -> 25, "1.8.0_392" -> 8.
weft_jdk_major() {
  local version=${1#1.}
  version=${version%%[!0-9]*}
  echo "${version:-0}"
}

# True when version $1 sorts after version $2.
weft_version_newer() {
  [[ "$1" != "$2" && "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" == "$1" ]]
}

weft_use_jdk() {
  local found=() best="" best_version="" version home pattern resolved
  local -A seen=()
  if [[ -n "${JAVA_HOME:-}" ]]; then
    version=$(weft_jdk_version "$JAVA_HOME")
    if (( $(weft_jdk_major "$version") >= WEFT_MIN_JDK )); then
      export JAVA_HOME JAVA=$JAVA_HOME/bin/java
      return 0
    fi
    found+=("JAVA_HOME=$JAVA_HOME (${version:-no bin/java})")
    seen[$(readlink -f "$JAVA_HOME" 2>/dev/null || echo "$JAVA_HOME")]=1
  fi

  local -a patterns
  IFS=: read -r -a patterns <<< "${WEFT_JDK_SEARCH_PATH:-$WEFT_JDK_SEARCH_PATH_DEFAULT}"
  for pattern in "${patterns[@]}"; do
    for home in $pattern; do   # unquoted on purpose: the pattern is a glob
      resolved=$(readlink -f "$home" 2>/dev/null) || continue
      [[ -z "${seen[$resolved]:-}" ]] || continue   # /usr/lib/jvm has symlinks to the same JDK
      seen[$resolved]=1
      version=$(weft_jdk_version "$home")
      [[ -n "$version" ]] || continue
      if (( $(weft_jdk_major "$version") < WEFT_MIN_JDK )); then
        found+=("$home ($version)")
      elif [[ -z "$best" ]] || weft_version_newer "$version" "$best_version"; then
        best=$home
        best_version=$version
      fi
    done
  done

  if [[ -n "$best" ]]; then
    export JAVA_HOME=$best JAVA=$best/bin/java
    return 0
  fi
  local what=none
  if (( ${#found[@]} > 0 )); then
    what=$(IFS=,; echo "${found[*]}")
    what=${what//,/, }
  fi
  echo "weft: needs JDK $WEFT_MIN_JDK or newer (found: $what); install it (e.g. apt-get install temurin-25-jdk, or from https://adoptium.net) and/or set JAVA_HOME" >&2
  return 1
}

weft_use_jdk || return 1
