#!/usr/bin/env bash
# Brings the pinned toolchain (Node 24 + pnpm) from the npm registry into a cache outside
# the repo, installs the workspace, then runs the given command with that toolchain first
# on PATH. A fresh machine of this kind has only Node 20 and npm: nothing else is assumed.
#   scripts/toolchain.sh pnpm test
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="24.9.0"
PNPM_VERSION="10.34.8"
CACHE="${PANEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/panel-integrations}"
TC="$CACHE/toolchain-node$NODE_VERSION-pnpm$PNPM_VERSION"

log() { printf '[toolchain] %s\n' "$*" >&2; }

if [ ! -x "$TC/node_modules/.bin/pnpm" ] || [ ! -x "$TC/node_modules/node/bin/node" ]; then
  log "installing node@$NODE_VERSION and pnpm@$PNPM_VERSION into $TC (first run only)"
  mkdir -p "$TC"
  (cd "$TC" && [ -f package.json ] || echo '{"name":"panel-toolchain","private":true}' > "$TC/package.json")
  npm install --prefix "$TC" --no-audit --no-fund --loglevel=error \
    "node@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2
fi
NODE_BIN="$(cd "$TC/node_modules/node/bin" && pwd)"
export PATH="$NODE_BIN:$TC/node_modules/.bin:$ROOT/node_modules/.bin:$PATH"
export npm_config_store_dir="${npm_config_store_dir:-$CACHE/pnpm-store}"

# Install the workspace when the lockfile changed since the last install.
stamp="$ROOT/node_modules/.panel-install-stamp"
want="$(cat "$ROOT/pnpm-lock.yaml" "$ROOT/package.json" "$ROOT"/packages/*/package.json 2>/dev/null | cksum)"
if [ "${PANEL_SKIP_INSTALL:-}" != 1 ] && { [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; }; then
  log "pnpm install"
  (cd "$ROOT" && pnpm install --frozen-lockfile=${CI:-false} --reporter=append-only >&2)
  mkdir -p "$ROOT/node_modules" && echo "$want" > "$stamp"
fi

cd "$ROOT"
exec "$@"
