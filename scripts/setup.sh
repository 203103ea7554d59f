#!/usr/bin/env bash
# Installs, idempotently, every tool Archlab's build and tests need, pinned to versions that
# work on this kind of machine (rustc 1.95, registries only). Each step is skipped when the
# pinned version is already there, so a second run takes seconds.
#
#   scripts/setup.sh          # build tools: wasm32 target, wasm-bindgen-cli, trunk, wasm-opt (npm)
#   scripts/setup.sh --test   # also Chromium + chromedriver (Debian) for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version in Cargo.lock (Cargo.toml pins it with "=").
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # Not --locked: its lockfile names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/esbuild ]; then
  log "installing npm packages (binaryen's wasm-opt, esbuild, playwright-core) from package-lock.json"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  # A Korean font too: without one, Hangul renders as empty boxes in the screenshots we read.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ ! -d /usr/share/fonts/truetype/nanum ]; then
    log "installing Debian's chromium, chromium-driver and fonts-nanum"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-nanum >/dev/null
  fi
fi
log "tools ready: $(trunk --version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(command -v chromium >/dev/null && chromium --version || echo 'no chromium (not needed to serve)')"
