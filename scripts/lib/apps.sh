# shellcheck shell=bash
# Running the built apps in the background for scripts/start.sh.

LOG_DIR=.ragstream/logs
declare -A APP_PIDS=()

# start_app NAME PORT [VAR=value...]: node dist/apps/NAME/src/main.js with its JSON log in $LOG_DIR.
start_app() {
  local name="$1" port="$2" entry="dist/apps/$1/src/main.js"
  shift 2
  [ -f "$entry" ] || fail "$entry does not exist: apps/$name/src/main.ts is missing or did not build"
  if tcp_open 127.0.0.1 "$port"; then
    fail "port $port (for $name) is already in use" "stop what listens there (another \`npm start\`?): ss -ltnp 'sport = :$port'"
  fi
  mkdir -p "$LOG_DIR"
  env "$@" PORT="$port" HOST=127.0.0.1 SERVICE_NAME="$name" \
    node --enable-source-maps "$entry" >"$LOG_DIR/$name.log" 2>&1 &
  APP_PIDS[$name]=$!
  note "$name starting on :$port (pid $!, log $LOG_DIR/$name.log)"
}

# wait_ready NAME PORT: until GET /readyz answers 2xx; fails with the app's log tail otherwise.
wait_ready() {
  local name="$1" port="$2"
  if ! node scripts/lib/wait-ready.mjs "http://127.0.0.1:$port/readyz" "${READY_TIMEOUT_SECONDS:-60}" "${APP_PIDS[$name]}"; then
    tail -n 30 "$LOG_DIR/$name.log" >&2
    fail "$name did not become ready (last log lines above, full log $LOG_DIR/$name.log)"
  fi
  note "$name ready"
}

# TERM to every app, then KILL whatever is still running after 10 s.
stop_apps() {
  local pids=("${APP_PIDS[@]}") pid running
  [ "${#pids[@]}" -gt 0 ] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 1 100); do
    running=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && running=1; done
    [ "$running" = 0 ] && return 0
    sleep 0.1
  done
  warn "some apps ignored SIGTERM for 10 s; killing them"
  kill -KILL "${pids[@]}" 2>/dev/null || true
}
