# shellcheck shell=bash
# Development secrets for `npm start`: generated once into .ragstream/dev.env (gitignored).
# Variables already set in the environment always win over the file.

DEV_ENV_FILE=.ragstream/dev.env

load_dev_secrets() {
  if [ -n "${JWT_SECRET:-}" ] && [ -n "${HASH_PEPPER:-}" ] && [ -n "${PII_MASTER_KEY:-}" ]; then return 0; fi
  if [ ! -f "$DEV_ENV_FILE" ]; then
    mkdir -p "$(dirname "$DEV_ENV_FILE")"
    (
      umask 077
      # ${VAR:-...} keeps a value the caller exported; the file only fills gaps.
      node -e '
        const hex = (n) => require("node:crypto").randomBytes(n).toString("hex");
        console.log("# Development secrets made by scripts/start.sh; never use them in production.");
        console.log(`export JWT_SECRET="\${JWT_SECRET:-${hex(32)}}"`);
        console.log(`export HASH_PEPPER="\${HASH_PEPPER:-${hex(32)}}"`);
        console.log(`export PII_MASTER_KEY="\${PII_MASTER_KEY:-${hex(32)}}"`);
      ' >"$DEV_ENV_FILE"
    )
    note "generated development secrets in $DEV_ENV_FILE"
  fi
  # shellcheck source=/dev/null
  . "$DEV_ENV_FILE"
}
