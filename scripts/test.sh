#!/usr/bin/env bash
# `npm test [jest args]`: type check plus every test (unit, int against real Postgres and NATS,
# e2e). The last line is always "<N> passed, <M> failed[, <K> skipped]"; CI reads it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/prepare.sh

prepare_platform

step "type check (tsc --noEmit)"
typecheck_failed=0
npx tsc -p tsconfig.json --noEmit || typecheck_failed=1

step "jest"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
set +e
# --forceExit: a test that leaks a socket must fail loudly (jest names it), not hang CI for 90 min.
npx jest --ci --forceExit --json --outputFile="$report" "$@"
jest_status=$?
set -e

# A failed type check counts as one failed test, so the summary and the exit code both show it.
node scripts/lib/jest-summary.mjs "$report" "$typecheck_failed"
if [ "$jest_status" -ne 0 ]; then exit "$jest_status"; fi
exit "$typecheck_failed"
