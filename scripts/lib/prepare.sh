# shellcheck shell=bash
# The steps `npm start` and `npm test` share: dependencies, services, pgvector, build, provision.
# Sourced by scripts/start.sh and scripts/test.sh after they cd to the repository root.

LIB_DIR="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=/dev/null
for piece in common deps services pgvector; do . "$LIB_DIR/$piece.sh"; done

build_dist() {
  step "building dist/"
  node scripts/build.mjs
}

# Database, extension, migrations, stream, content bucket and projection consumers; idempotent.
provision_platform() {
  step "provisioning (admin CLI)"
  node --enable-source-maps dist/apps/admin-cli/src/main.js provision
}

prepare_platform() {
  step "checking Node.js and dependencies"
  ensure_node
  ensure_node_modules
  step "finding Postgres and NATS"
  resolve_service_urls
  check_postgres
  check_nats
  ensure_pgvector
  build_dist
  provision_platform
}
