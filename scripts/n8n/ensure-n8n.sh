#!/usr/bin/env bash
# Makes sure a real n8n (pinned version) is installed in a cache outside the repo, and prints
# its directory on stdout (everything else goes to stderr). Idempotent: a finished install is
# marked by a stamp file and reused; an interrupted one is resumed; concurrent callers wait on
# a lock. The first install takes ~8 min on 2 cores and ~3 GB; progress is shown meanwhile.
#   dir="$(bash scripts/n8n/ensure-n8n.sh)"; "$dir/node_modules/.bin/n8n" --version
# Why these steps (see n8n notes): n8n 2.41.x needs Node >= 24 (the registry's `node` package
# provides it), its optional kafka client cannot build offline (hence --ignore-scripts), and
# sqlite3 is the one native module n8n needs for its default database (hence the rebuild).
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE_VERSION="24.9.0"
PNPM_VERSION="10.34.8"
CACHE="${PANEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/panel-integrations}"
DIR="$CACHE/n8n-$N8N_VERSION"
TC="$CACHE/toolchain-node$NODE_VERSION-pnpm$PNPM_VERSION"
STAMP="$DIR/.panel-ready"

log() { printf '[ensure-n8n] %s\n' "$*" >&2; }

ready() { [ -f "$STAMP" ] && [ -f "$DIR/node_modules/n8n/bin/n8n" ] && [ -d "$DIR/node_modules/sqlite3/build" ]; }

if ready; then echo "$DIR"; exit 0; fi

mkdir -p "$DIR"
exec 9>"$DIR/.lock"
if ! flock -n 9; then
  log "another install of n8n@$N8N_VERSION is running; waiting for it"
  flock 9
fi
if ready; then echo "$DIR"; exit 0; fi

# Node 24 (n8n's engine) from the registry, shared with scripts/toolchain.sh.
if [ ! -x "$TC/node_modules/node/bin/node" ]; then
  log "installing node@$NODE_VERSION into $TC"
  mkdir -p "$TC"
  [ -f "$TC/package.json" ] || echo '{"name":"panel-toolchain","private":true}' > "$TC/package.json"
  npm install --prefix "$TC" --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2
fi
export PATH="$TC/node_modules/node/bin:$PATH"

[ -f "$DIR/package.json" ] || echo '{"name":"panel-n8n-runtime","private":true}' > "$DIR/package.json"

started=$(date +%s)
progress() {
  while sleep 30; do
    n=$(find "$DIR/node_modules" -maxdepth 2 -name package.json 2>/dev/null | wc -l || true)
    log "still installing n8n@$N8N_VERSION: $(( $(date +%s) - started ))s, ~$n packages unpacked"
  done
}
progress & ticker=$!
trap 'kill "$ticker" 2>/dev/null || true' EXIT

if [ ! -f "$DIR/node_modules/n8n/bin/n8n" ] || [ ! -f "$DIR/.panel-installed" ]; then
  log "installing n8n@$N8N_VERSION into $DIR (first run only: ~8 min, ~3 GB)"
  (cd "$DIR" && npm install --no-audit --no-fund --loglevel=error --ignore-scripts --no-save "n8n@$N8N_VERSION" >&2)
  touch "$DIR/.panel-installed"
fi
log "building sqlite3 (native, ~2 min)"
(cd "$DIR" && npm rebuild sqlite3 >&2)
"$TC/node_modules/node/bin/node" -e "require('$DIR/node_modules/sqlite3')" >&2
touch "$STAMP"
log "n8n@$N8N_VERSION ready in $(( $(date +%s) - started ))s"
echo "$DIR"
