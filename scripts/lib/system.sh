# Building, provisioning and running the local system; shared by run-local and test-all. Sourced.

APP_PID_FILE="$TESSERA_STATE/app.pid"
APP_LOG="$TESSERA_STATE/app.log"
PROVISIONED="$TESSERA_STATE/provisioned.env"
APP_JAVA_OPTS="--enable-native-access=ALL-UNNAMED ${APP_JAVA_OPTS:-}"

build() {
  # First: the local jar packages the console's build (console/dist) and serves it at /console/.
  "$TESSERA_ROOT/scripts/build-console"
  log "building (./mvnw install -DskipTests)"
  mvnw -q -DskipTests install
}

provision() {
  log "provisioning the emulator"
  java -cp "$TESSERA_ROOT/infra/target/classes:$(cat "$TESSERA_ROOT/infra/target/classpath.txt")" \
    io.tessera.infra.local.LocalProvisioner "$PROVISIONED"
  set -a
  # shellcheck disable=SC1090
  source "$PROVISIONED"
  set +a
}

app_answers() { curl -sf -o /dev/null http://127.0.0.1:8080/health; }

# The jar the process runs: a copy of the built one, so that a build while it runs (the test
# command's ./mvnw verify repackages local/) cannot pull classes from under it.
app_jar() {
  cp "$TESSERA_ROOT/local/target/tessera-local.jar" "$TESSERA_STATE/tessera-local.jar"
  echo "$TESSERA_STATE/tessera-local.jar"
}

start_app_detached() {
  if app_answers; then die "something already answers on :8080; stop it first (scripts/run-local --stop)"; fi
  log "starting Tessera on :8080 (log: $APP_LOG)"
  nohup java $APP_JAVA_OPTS -jar "$(app_jar)" >"$APP_LOG" 2>&1 &
  echo $! >"$APP_PID_FILE"
  wait_for 90 app_answers || die "Tessera did not answer on :8080 within 90s; see $APP_LOG"
}

stop_app() {
  if [ -f "$APP_PID_FILE" ]; then
    local pid; pid=$(cat "$APP_PID_FILE")
    if kill "$pid" 2>/dev/null; then
      wait_for 30 bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
      log "Tessera stopped"
    fi
    rm -f "$APP_PID_FILE"
  fi
  if app_answers; then
    log "something not started by these scripts still answers on :8080 ($(ss -ltnp 'sport = :8080' 2>/dev/null | grep -o 'pid=[0-9]*' | head -1)); stop it yourself"
  fi
}

print_logins() {
  cat <<EOT

Tessera is up on http://localhost:8080 (REST) and ws://localhost:8080/ws (WebSocket).
API page: http://localhost:8080/docs
Admin console: http://localhost:8080/console/ (sign in with a tenant admin's or the platform admin's login)
Demo tenant '$DEMO_TENANT_ID':
  tenant admin    $DEMO_ADMIN_USERNAME  /  $DEMO_ADMIN_PASSWORD
  member          $DEMO_MEMBER_USERNAME  /  $DEMO_MEMBER_PASSWORD
Platform admin    $PLATFORM_ADMIN_USERNAME  /  $PLATFORM_ADMIN_PASSWORD  (MFA: add the TOTP secret
                  $PLATFORM_ADMIN_TOTP_SECRET to an authenticator app, or: scripts/totp-code)

Log in and call /me:
  TOKEN=\$(curl -s localhost:8080/auth/login -H 'content-type: application/json' \\
    -d '{"username":"$DEMO_ADMIN_USERNAME","password":"$DEMO_ADMIN_PASSWORD"}' | jq -r .tokens.idToken)
  curl -s localhost:8080/me -H "Authorization: Bearer \$TOKEN"
EOT
}
