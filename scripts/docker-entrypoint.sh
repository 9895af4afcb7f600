#!/bin/sh
# Container entrypoint: `ragstream <app> [args...]` runs dist/apps/<app>/src/main.js.
set -eu
app="${1:-}"
entry="/app/dist/apps/$app/src/main.js"
if [ -z "$app" ] || [ ! -f "$entry" ]; then
  echo "usage: ragstream <app> [args...]; apps in this image: $(ls /app/dist/apps | tr '\n' ' ')" >&2
  exit 64
fi
shift
exec node --enable-source-maps "$entry" "$@"
