#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: house rules, native (engine against
# queueing theory, codec, editor, presets), wasm in headless Chromium (bit-identical runs),
# and browser end-to-end on the built app. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "native tests (cargo test)"
cargo test --workspace --locked

step "wasm tests in headless Chromium (wasm-bindgen-test-runner)"
wasm_tests=$(for f in tests/wasm_*.rs; do printf -- '--test %s ' "$(basename "$f" .rs)"; done)
# shellcheck disable=SC2086
cargo test --locked -p archlab --target wasm32-unknown-unknown $wasm_tests

step "release build (trunk)"
trunk build --release
scripts/bundle-size.sh --strict

step "browser end-to-end tests (playwright-core + Debian Chromium)"
node --test --test-concurrency=1 tests/e2e/
