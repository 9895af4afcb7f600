#!/usr/bin/env bash
# `npm start`: everything on this machine behind one base URL, in the foreground until Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/prepare.sh
. scripts/lib/dev-secrets.sh
. scripts/lib/apps.sh

GATEWAY_PORT="${GATEWAY_PORT:-3000}"

load_dev_secrets
prepare_platform
export NODE_ENV="${NODE_ENV:-development}"

step "starting apps (logs in $LOG_DIR/)"
# Whatever ends this script (Ctrl-C, SIGTERM, a failed start, an app that died) stops every app.
trap stop_apps EXIT
trap 'echo; step "stopping apps"; exit 130' INT
trap 'step "stopping apps"; exit 143' TERM
# Order matters only for readiness: the gateway is ready once the apps behind it are.
start_app projector 3003
start_app command-api 3001
start_app query-api 3002
start_app chat 3004
start_app gateway "$GATEWAY_PORT" COMMAND_API_URL=http://127.0.0.1:3001 QUERY_API_URL=http://127.0.0.1:3002 CHAT_URL=http://127.0.0.1:3004
for app in projector:3003 command-api:3001 query-api:3002 chat:3004 gateway:"$GATEWAY_PORT"; do wait_ready "${app%%:*}" "${app##*:}"; done

base="http://127.0.0.1:$GATEWAY_PORT"
cat <<READY

Ragstream is running (Ctrl-C stops every app).
  base URL   $base
  API docs   $base/docs
  OpenAPI    $base/openapi.json
READY

# wait -n returns when any app exits; a running platform has no reason for that.
set +e
wait -n "${APP_PIDS[@]}"
status=$?
set -e
for app in "${!APP_PIDS[@]}"; do
  kill -0 "${APP_PIDS[$app]}" 2>/dev/null || { warn "$app exited (status $status); last log lines:"; tail -n 20 "$LOG_DIR/$app.log" >&2; }
done
exit 1
