# shellcheck shell=bash
# Messages and small predicates shared by scripts/*.sh. Sourced, never run.

# Progress goes to stdout; problems go to stderr so they survive a `| tail`.
step() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }

# fail MESSAGE [HINT_LINE...]: says what is missing and the exact commands that would fix it.
fail() {
  printf 'error: %s\n' "$1" >&2
  shift
  for hint in "$@"; do
    while IFS= read -r line; do printf '    %s\n' "$line" >&2; done <<<"$hint"
  done
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Only a server on this machine may be changed by our scripts (pgvector build, start hints).
is_loopback_host() {
  case "$1" in
    127.* | localhost | ::1 | '' | /*) return 0 ;;
    *) return 1 ;;
  esac
}

# tcp_open HOST PORT: true when something accepts connections there within 3 s.
tcp_open() { timeout 3 bash -c ": >/dev/tcp/$1/$2" 2>/dev/null; }

# url_host_port URL DEFAULT_PORT: prints "host port"; URLs without a scheme are read as nats://.
url_host_port() {
  node -e '
    const raw = process.argv[1];
    const url = new URL(raw.includes("://") ? raw : "nats://" + raw);
    console.log(url.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1", url.port || process.argv[2]);
  ' "$1" "$2"
}

# redact_url URL: the URL with its password masked, for messages.
redact_url() { printf '%s' "$1" | sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#'; }
