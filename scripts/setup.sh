#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test Quire.
# Idempotent: every step checks first, so a second run takes seconds.
# Only package registries are used (crates.io, npm, Debian); the comments on
# each step say why the tool comes from where it does.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ -t 2 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
log() { printf '%ssetup:%s %s\n' "$bold" "$plain" "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# 1. Rust: the wasm target and the lint tools `make test` runs.
command -v rustup >/dev/null || { log "rustup is missing: install Rust first (https://rustup.rs)"; exit 1; }
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding rustup component $component"
    rustup component add "$component"
  fi
done

# 2. wasm-pack at exactly this version, from crates.io (the npm package
#    downloads from GitHub and fails). Exact, because it drives the release
#    build whose hashes a reviewer compares (SOURCE.md).
wasm_pack_version=0.15.1
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $wasm_pack_version" ]; then
  log "installing wasm-pack $wasm_pack_version (cargo install, about 3 minutes)"
  cargo install wasm-pack --version "=$wasm_pack_version" --locked --force
fi

# 3. wasm-bindgen-cli at exactly the version Cargo.lock pins, so wasm-pack uses
#    it instead of trying to download one. No --locked: the CLI's own lockfile
#    pins a webpki-roots version the registry lacks.
if [ -f Cargo.lock ]; then
  want=$(awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = /         { name = $3 }
    /^version = / && name == "\"wasm-bindgen\"" { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock)
  if [ -n "$want" ]; then
    have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$have" != "$want" ]; then
      log "installing wasm-bindgen-cli $want (cargo install, about 3.5 minutes)"
      cargo install wasm-bindgen-cli --version "=$want" --force
    fi
  else
    log "Cargo.lock has no wasm-bindgen entry; skipping wasm-bindgen-cli"
  fi
else
  log "no Cargo.lock yet; skipping wasm-bindgen-cli"
fi

# 4. Chromium and its driver from Debian, for wasm-pack's browser tests and the
#    end-to-end tests (never a browser download from npm or Playwright).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromium-driver (apt, about 1.5 minutes)"
  apt_install chromium chromium-driver
fi
# Chromium's UI locale files: tests/e2e/locales.test.mjs runs it in Arabic and
# German, and without them Chromium stays in en-US whatever LANGUAGE says.
if [ ! -f /usr/lib/chromium/locales/ar.pak ]; then
  log "installing chromium-l10n (apt)"
  apt_install chromium-l10n
fi

# 5. Node.js (the machine image normally has it) and the pinned npm dev
#    dependencies: playwright-core (drives Debian's Chromium) and binaryen@132
#    (wasm-opt; Debian's wasm-opt 108 produces a module that fails at load).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "installing nodejs and npm (apt)"
  apt_install nodejs npm
fi
stamp=node_modules/.quire-package-lock.json
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  log "installing npm dev dependencies (npm ci)"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

# 6. Firefox, only when asked (QUIRE_WITH_FIREFOX=1: `make firefox-check`,
#    `make test-firefox` and CI's .ci/run set it): Debian's firefox-esr. The
#    Firefox end-to-end tests drive it over Marionette, which is built into
#    Firefox (no geckodriver: Debian 12 has no package for it); web-ext, which
#    `make firefox-check` uses, is an npm dev dependency.
if [ "${QUIRE_WITH_FIREFOX:-}" = 1 ] && ! command -v firefox >/dev/null; then
  log "installing firefox-esr (apt)"
  apt_install firefox-esr
fi

log "ready"
