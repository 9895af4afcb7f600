#!/usr/bin/env bash
# `bash scripts/admin.sh <command> [args]`: the admin CLI (ragstream-admin) as one command. Builds
# dist/ first when a source file is newer than the built CLI, then runs it with the arguments, e.g.
#   bash scripts/admin.sh projections list
#   bash scripts/admin.sh --json projections rebuild identity
# Settings come from the environment as for the apps (NATS_URL, DATABASE_URL, DB_SCHEMA, ...);
# build output goes to stderr so stdout stays the CLI's own (one JSON document with --json).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cli=dist/apps/admin-cli/src/main.js
if [ ! -f "$cli" ] || [ -n "$(find apps libs contracts -name '*.ts' -newer "$cli" -print -quit)" ]; then
  node scripts/build.mjs >&2
fi
exec node --enable-source-maps "$cli" "$@"
