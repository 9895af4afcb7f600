# shellcheck shell=bash
# Node and npm dependencies. Sourced by scripts/lib/prepare.sh.

ensure_node() {
  command -v node >/dev/null || fail "Node.js is not installed" \
    "apt-get install -y nodejs npm   # Node >= 20.19 is required"
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
    fail "Node.js $(node -v) is too old: Ragstream needs >= 20.19"
}

# npm ci when node_modules is missing or older than the lockfile npm wrote into it.
ensure_node_modules() {
  if [ -f node_modules/.package-lock.json ] && ! [ package-lock.json -nt node_modules/.package-lock.json ]; then
    return 0
  fi
  step "installing dependencies (npm ci)"
  local errors
  errors="$(mktemp)"
  # swagger-ui-dist pulls in an analytics postinstall; there is no network for it anyway.
  if ! SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error 2> >(tee "$errors" >&2); then
    # npm ci refuses a lockfile that lacks other platforms' optional binaries, which a registry
    # mirror serving one platform cannot list; npm install resolves the same pinned versions.
    grep -q 'are in sync' "$errors" || { rm -f "$errors"; fail "npm ci failed (see above)"; }
    warn "npm ci refused package-lock.json (other platforms' optional binaries missing); installing with npm install"
    SCARF_ANALYTICS=false npm install --no-audit --no-fund --loglevel=error
  fi
  rm -f "$errors"
  # npm may write the lockfile after its hidden copy; this install is what the lockfile says now.
  touch node_modules/.package-lock.json
}
