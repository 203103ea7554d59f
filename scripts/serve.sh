#!/usr/bin/env bash
# Installs whatever is missing, then serves the lab at http://127.0.0.1:8080 (rebuilds on change;
# reload the page by hand: Trunk's live-reload script is off, as the page's CSP would block it,
# see Trunk.toml). Extra arguments go to `trunk serve` (e.g. --port 8081).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The service worker of a served build caches nothing (scripts/precache.mjs), so a reload
# shows the latest rebuild rather than the cached one.
export ARCHLAB_SERVE=1
exec trunk serve --release "$@"
