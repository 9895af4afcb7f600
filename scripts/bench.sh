#!/usr/bin/env bash
# `npm run bench [-- [NAME] [flags]]`: builds dist/, checks that Postgres and NATS answer, then runs
# bench/NAME.bench.ts (every bench/*.bench.ts without a NAME) with the flags, e.g.
#   npm run bench -- --commands 5000 --concurrency 32
#   npm run bench -- commands --cpu-prof --log-dir /tmp/bench
#   npm run bench -- --rebuild --events 1000000      (bench/rebuild.bench.ts)
# Each benchmark works on its own private stream and schema and deletes them afterwards; the real
# EVENTS stream is never touched. Build and checks report on stderr, so stdout holds only the
# benchmarks' reports, each ending with one JSON line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/common.sh
. scripts/lib/deps.sh
. scripts/lib/services.sh

# The body is one function, so editing this file while a long benchmark runs cannot change what
# bash reads next.
main() {
  # `--NAME` first, not followed by a value, selects bench/NAME.bench.ts too (`npm run bench --
  # --rebuild --events 1000000`); `--commands 5000` stays the commands benchmark's flag.
  if [ $# -gt 0 ] && [[ "$1" == --* ]] && [ -f "bench/${1#--}.bench.ts" ] && { [ $# -eq 1 ] || [[ "$2" == -* ]]; }; then
    set -- "${1#--}" "${@:2}"
  fi

  names=()
  if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
    [ -f "bench/$1.bench.ts" ] || fail "no benchmark bench/$1.bench.ts" "available: $(cd bench && ls ./*.bench.ts | sed 's#^\./##; s#\.bench\.ts$##' | tr '\n' ' ')"
    names=("$1")
    shift
  else
    for file in bench/*.bench.ts; do names+=("$(basename "$file" .bench.ts)"); done
  fi

  {
    step "checking Node.js, dependencies and services"
    ensure_node
    [ -d node_modules/@nestjs/core ] || fail "dependencies are not installed" "npm ci"
    resolve_service_urls
    check_postgres
    check_nats
    step "building dist/"
    node scripts/build.mjs
  } >&2

  status=0
  for name in "${names[@]}"; do
    step "benchmark $name" >&2
    node --enable-source-maps "dist/bench/$name.bench.js" "$@" || status=$?
  done
  return "$status"
}
main "$@"
exit
