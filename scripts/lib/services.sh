# shellcheck shell=bash
# Finding Postgres and NATS. Sourced by scripts/lib/prepare.sh.

# The apps and the admin CLI assume the same defaults (libs/config BaseEnv).
resolve_service_urls() {
  export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ragstream}"
  export NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}"
}

# The command that would start (or install and start) the local Postgres cluster.
postgres_start_hint() {
  local version
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$version" ] && command -v pg_ctlcluster >/dev/null; then
    echo "pg_ctlcluster $version main start"
  else
    echo "apt-get install -y postgresql-15 && pg_ctlcluster 15 main start"
  fi
}

# nats_start_hint HOST PORT
nats_start_hint() {
  local start="nats-server -js -a $1 -p $2 -sd /var/lib/nats-server &"
  if command -v nats-server >/dev/null; then echo "$start"; else echo "apt-get install -y nats-server && $start"; fi
}

check_postgres() {
  local host port
  read -r host port <<<"$(url_host_port "$DATABASE_URL" 5432)"
  if tcp_open "$host" "$port"; then
    note "Postgres reachable at $host:$port"
    return 0
  fi
  if is_loopback_host "$host"; then
    fail "Postgres is not running on $host:$port (DATABASE_URL=$(redact_url "$DATABASE_URL"))" \
      "start it with:  $(postgres_start_hint)" \
      "or point DATABASE_URL at a running server (PostgreSQL 15+ with pgvector)"
  fi
  fail "Postgres at $host:$port is not reachable (DATABASE_URL=$(redact_url "$DATABASE_URL"))" \
    "check the server and DATABASE_URL, or unset DATABASE_URL to use a local server"
}

# NATS_URL may list several servers separated by commas; one reachable is enough.
check_nats() {
  local server host port
  IFS=',' read -ra servers <<<"$NATS_URL"
  for server in "${servers[@]}"; do
    read -r host port <<<"$(url_host_port "$server" 4222)"
    if tcp_open "$host" "$port"; then
      note "NATS reachable at $host:$port"
      return 0
    fi
  done
  if is_loopback_host "$host"; then
    fail "NATS is not running on $host:$port (NATS_URL=$NATS_URL)" \
      "start it with JetStream:  $(nats_start_hint "$host" "$port")"
  fi
  fail "NATS at $NATS_URL is not reachable" "check the server and NATS_URL, or unset NATS_URL to use a local server"
}
