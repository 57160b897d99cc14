# Shared by the scripts in this folder: where things live and which JDK builds the project.
# Sourced, not run.

TESSERA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TESSERA_STATE="$TESSERA_ROOT/.local"          # virtualenvs, pid files, logs, provisioning output
mkdir -p "$TESSERA_STATE"

# Every script talks to the local emulator with its test credentials, except the operations
# commands (scripts/redrive, scripts/analytics-rebuild): they set TESSERA_OPERATIONS=1 before
# sourcing this file and reach real AWS (the SDK's own credential and Region chains) unless
# AWS_ENDPOINT_URL is set.
if [ -z "${TESSERA_OPERATIONS:-}" ]; then
  export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://127.0.0.1:4566}"
  export AWS_REGION="${AWS_REGION:-us-east-1}"
  export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-testing}"
  export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-testing}"
elif [ -z "${AWS_REGION:-}" ] && [ -n "${AWS_DEFAULT_REGION:-}" ]; then
  # The AWS CLI's variable, which the Java SDK does not read.
  export AWS_REGION="$AWS_DEFAULT_REGION"
elif [ -z "${AWS_REGION:-}" ] && [ -n "${AWS_ENDPOINT_URL:-}" ]; then
  # An operations command pointed at an endpoint (the emulator) without a Region: the emulator's.
  export AWS_REGION=us-east-1
fi

log() { printf '\033[1m[tessera]\033[0m %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# The newest JDK under /usr/lib/jvm (or $JAVA_HOME if it is already 21+). The machine's default
# java is 17, which cannot compile --release 21.
find_java_home() {
  local candidate version best="" best_version=0
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ -f "$candidate/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release")
    if [ "${version:-0}" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate"; best_version="$version"
    fi
  done
  [ -n "$best" ] || die "no JDK 21 or newer found under /usr/lib/jvm; install one (e.g. apt install temurin-21-jdk)"
  echo "$best"
}

use_java() {
  JAVA_HOME="$(find_java_home)"
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")
  # Maven 3.9's Guice and Jansi use APIs that JDK 24+ warns about on every run.
  if [ "$version" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  fi
}

# One Maven build at a time on this machine (2 cores): builds wait for each other on a lock file.
# A quiet build (-q) prints nothing for minutes, so it says when it waits for another build, when
# it is the first one (every dependency is downloaded into ~/.m2 once), and every 20 s that it
# still runs. Ctrl-C stops Maven too.
MAVEN_LOCK=/tmp/tessera-maven.lock
mvnw() {
  if [[ " $* " != *" -q "* ]]; then flock "$MAVEN_LOCK" "$TESSERA_ROOT/mvnw" -B -ntp "$@"; return; fi
  if ! flock -n "$MAVEN_LOCK" true; then log "waiting for another Maven build on this machine to finish"; fi
  if [ ! -d "$HOME/.m2/repository/io/micronaut" ]; then
    log "first build: Maven downloads every dependency into ~/.m2 once (several minutes; later builds take about a minute)"
  fi
  local started=$SECONDS pid status=0 callers_traps
  callers_traps=$(trap -p INT TERM)
  flock "$MAVEN_LOCK" "$TESSERA_ROOT/mvnw" -B -ntp "$@" &
  pid=$!
  trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; exit 130' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if (( SECONDS > started && (SECONDS - started) % 20 == 0 )); then
      log "still building ($((SECONDS - started)) s; ~/.m2 holds $(du -sh "$HOME/.m2/repository" 2>/dev/null | cut -f1))"
    fi
  done
  wait "$pid" || status=$?
  trap - INT TERM
  eval "$callers_traps"
  return "$status"
}

# A project-local virtualenv ($1, under .local) with exactly the pinned packages of a requirements
# file ($2); reinstalled when the file changes.
python_venv() {
  local venv="$TESSERA_STATE/$1" requirements="$TESSERA_ROOT/$2"
  if [ -f "$venv/.requirements" ] && cmp -s "$venv/.requirements" "$requirements"; then return; fi
  log "installing $2 into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$requirements"
  cp "$requirements" "$venv/.requirements"
}

# node_modules for the package.json in folder $1, exactly as its package-lock.json pins them.
node_modules() {
  local folder="$TESSERA_ROOT/$1"
  if [ -f "$folder/node_modules/.package-lock.json" ] && cmp -s "$folder/package-lock.json" "$folder/node_modules/.installed-lock.json"; then return; fi
  command -v npm >/dev/null || die "npm is needed for $1 (apt install nodejs npm)"
  log "installing the Node packages of $1 (npm ci)"
  (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$folder/package-lock.json" "$folder/node_modules/.installed-lock.json"
}

# Runs an operations command of stream-processors (io.tessera.streams.ops.$1) from its packaged jar,
# building it first if needed. Not through Maven, so it also works while a build holds the lock.
stream_operation() {
  local main=$1; shift
  local jar="$TESSERA_ROOT/stream-processors/target/tessera-stream-processors-1.0.0-SNAPSHOT-lambda.jar"
  if [ ! -f "$jar" ]; then
    log "building the operations commands first (./mvnw install -pl stream-processors -am)"
    mvnw -q -DskipTests install -pl stream-processors -am
  fi
  java -cp "$jar" "io.tessera.streams.ops.$main" "$@"
}

# Waits until a command succeeds, or gives up after $1 seconds.
wait_for() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}
