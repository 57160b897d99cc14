# Shared by the bench/ commands: the repository's JDK and Maven wrapper, the bench jars, the running
# local system and bench/RESULTS.md. Sourced, not run.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../../scripts/lib/common.sh
source "$BENCH_DIR/../scripts/lib/common.sh"
use_java

# The command line as typed, for RESULTS.md (relative to the repository root).
BENCH_COMMAND="bench/$(basename "$0")"
[ $# -eq 0 ] || BENCH_COMMAND="$BENCH_COMMAND$(printf ' %q' "$@")"

HARNESS_JAR="$BENCH_DIR/harness/target/bench-harness.jar"
BARE_LAMBDA_JAR="$BENCH_DIR/bare-function/target/bare-function-lambda.jar"
BARE_SERVER_JAR="$BENCH_DIR/bare-function/target/bare-function-server.jar"
BENCH_RESULTS="$BENCH_DIR/RESULTS.md"
MAVEN_LOCK=/tmp/tessera-maven.lock

# Builds a bench Maven project ($1, under bench/) when its jar ($2) is missing or older than its
# sources. Measuring while a build runs would skew the figures, so with the Maven lock held
# (someone measuring, or building) this refuses instead of waiting.
ensure_built() {
  local project="$BENCH_DIR/$1" jar="$2"
  if [ -f "$jar" ] && [ -z "$(find "$project/pom.xml" "$project/src" -newer "$jar" -print -quit)" ]; then
    return
  fi
  flock -n "$MAVEN_LOCK" true || die "bench/$1 needs a build and $MAVEN_LOCK is held; run bench/build first"
  log "building bench/$1"
  mvnw -o -q -f "$project/pom.xml" package -DskipTests
}

ensure_harness() {
  ensure_built harness "$HARNESS_JAR"
  HARNESS_CLASSPATH="$HARNESS_JAR:$(cat "$BENCH_DIR/harness/target/classpath.txt")"
}

# The local system (scripts/run-local --detach) must be up; loads its provisioning output.
require_system() {
  curl -sf -o /dev/null http://127.0.0.1:8080/health || die "Tessera does not answer on :8080; start it with scripts/run-local --detach"
  set -a
  # shellcheck disable=SC1091
  source "$TESSERA_STATE/provisioned.env"
  set +a
}

# The ID token of a user ($1, $2) through POST /auth/login.
id_token() {
  curl -sf http://127.0.0.1:8080/auth/login -H 'content-type: application/json' \
    -d "$(jq -n --arg u "$1" --arg p "$2" '{username: $u, password: $p}')" | jq -er .tokens.idToken
}

# Appends a figure's RESULT lines (read from file $2) to RESULTS.md under a heading ($1), with when,
# where and how they were measured.
record_results() {
  local title="$1" lines="$2" commit dirty=""
  grep -q '^RESULT ' "$lines" || die "no result to record"
  commit=$(git -C "$TESSERA_ROOT" rev-parse --short HEAD)
  if [ -n "$(git -C "$TESSERA_ROOT" status --porcelain --untracked-files=no -- . ':(exclude)bench/RESULTS.md')" ]; then
    dirty=" with uncommitted changes"
  fi
  [ -f "$BENCH_RESULTS" ] || printf '# Benchmark results\n\nAppended by the bench/ commands; see bench/README.md for what each figure means.\n' >"$BENCH_RESULTS"
  {
    printf '\n## %s, %s\n\n' "$title" "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf -- '- command: `%s`\n' "$BENCH_COMMAND"
    printf -- '- commit %s%s; JDK %s (%s); %s cores (%s), %s GiB memory\n' "$commit" "$dirty" \
      "$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release")" \
      "$(sed -n 's/^IMPLEMENTOR="\(.*\)"/\1/p' "$JAVA_HOME/release")" \
      "$(nproc)" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" \
      "$(awk '/^MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
    sed -n 's/^RESULT /- /p' "$lines"
  } >>"$BENCH_RESULTS"
  log "appended to bench/RESULTS.md"
}
