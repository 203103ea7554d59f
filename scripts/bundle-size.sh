#!/usr/bin/env bash
# Prints the gzipped size of the release bundle in dist/ (wasm + js + css) against the
# 400 KB budget of issue 4. A measurement, reported by the test command; `--strict` makes
# going over the budget an error (see BENCHMARKS.md for where the bytes go).
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=${BUDGET_KB:-400}
total=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  printf '%-48s %8d B raw %8d B gzip\n' "$(basename "$f")" "$raw" "$gz"
  total=$((total + gz))
done
printf 'bundle total (gzip -9): %d B = %d KB (budget %d KB)\n' "$total" $((total / 1024)) "$BUDGET_KB"
if [ "$total" -gt $((BUDGET_KB * 1024)) ]; then
  echo "bundle-size: OVER BUDGET by $(( (total - BUDGET_KB * 1024) / 1024 )) KB"
  [ "${1:-}" != "--strict" ] || exit 1
fi
