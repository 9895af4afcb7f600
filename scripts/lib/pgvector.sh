# shellcheck shell=bash
# pgvector in the local Postgres: built from Debian's source package when missing.
# Sourced by scripts/lib/prepare.sh.

PGVECTOR_SOURCES=/etc/apt/sources.list.d/ragstream-pgvector-src.sources
# Only a source entry: no binary package from trixie can be pulled in by it.
PGVECTOR_SOURCE_ENTRY='Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'

# The exact commands that install pgvector into Postgres MAJOR on a Debian machine.
pgvector_commands() {
  local pg_config="/usr/lib/postgresql/$1/bin/pg_config"
  cat <<COMMANDS
printf '$PGVECTOR_SOURCE_ENTRY' > $PGVECTOR_SOURCES
apt-get update
apt-get install -y postgresql-server-dev-$1 build-essential
cd "\$(mktemp -d)" && apt-get source pgvector && cd pgvector-*/ && make PG_CONFIG=$pg_config && make install PG_CONFIG=$pg_config
COMMANDS
}

# Runs pgvector_commands for MAJOR quietly, keeping the output in a log for when it fails.
build_pgvector() {
  local major="$1" log=".ragstream/logs/pgvector-build.log" work status
  mkdir -p .ragstream/logs
  work="$(mktemp -d)"
  chmod 755 "$work" # apt-get source downloads as the _apt user
  step "building pgvector for PostgreSQL $major (log: $log)"
  # Not `if ! ( ... )`: bash ignores set -e inside a subshell whose status is being tested.
  set +e
  (
    set -e
    export DEBIAN_FRONTEND=noninteractive
    printf '%b' "$PGVECTOR_SOURCE_ENTRY" >"$PGVECTOR_SOURCES"
    # Needed only for this download: later `apt-get update`s need not fetch trixie's sources.
    trap 'rm -f "$PGVECTOR_SOURCES"' EXIT
    # A broken unrelated source must not stop us; missing lists make the next steps fail clearly.
    apt-get update || echo "apt-get update reported errors; continuing"
    dpkg -s "postgresql-server-dev-$major" build-essential >/dev/null 2>&1 ||
      apt-get install -y --no-install-recommends "postgresql-server-dev-$major" build-essential
    cd "$work"
    apt-get source pgvector
    cd pgvector-*/
    make PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config"
    make install PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config"
  ) >"$log" 2>&1
  status=$?
  set -e
  if [ "$status" -ne 0 ]; then
    tail -n 20 "$log" >&2
    rm -rf "$work"
    fail "building pgvector failed (full log: $log); the steps were:" "$(pgvector_commands "$major")"
  fi
  rm -rf "$work"
}

ensure_pgvector() {
  local probe major available host port
  probe="$(node scripts/lib/pg-probe.mjs "$DATABASE_URL")" ||
    fail "cannot log in to Postgres (see above)" "set DATABASE_URL to a role that may create databases, e.g. postgres://postgres:<password>@127.0.0.1:5432/ragstream"
  read -r major available <<<"$probe"
  if [ "$available" = yes ]; then
    note "pgvector available in PostgreSQL $major"
    return 0
  fi
  read -r host port <<<"$(url_host_port "$DATABASE_URL" 5432)"
  if is_loopback_host "$host" && is_root && command -v apt-get >/dev/null && [ -d "/usr/lib/postgresql/$major" ]; then
    build_pgvector "$major"
    probe="$(node scripts/lib/pg-probe.mjs "$DATABASE_URL")"
    [ "${probe#* }" = yes ] || fail "pgvector was built but PostgreSQL $major does not list it (see .ragstream/logs/pgvector-build.log)"
    note "pgvector installed into PostgreSQL $major"
    return 0
  fi
  if is_loopback_host "$host"; then
    fail "the pgvector extension is not installed in the local PostgreSQL $major; as root run:" "$(pgvector_commands "$major")"
  fi
  fail "the pgvector extension is not installed on the Postgres server at $host:$port" \
    "install it there (Debian/Ubuntu: apt-get install postgresql-$major-pgvector; managed services: enable the 'vector' extension)"
}
