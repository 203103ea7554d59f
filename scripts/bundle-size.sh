#!/usr/bin/env bash
# Prints the gzipped size (gzip -9) of the release bundle in dist/ (wasm + js + css) against
# the budget: 600 KB, a KB being 1,024 bytes here as in BENCHMARKS.md (600 × 1,024 = 614,400 B).
# A measurement, reported by the test command; `--strict` makes going over the budget an error.
# The budget is a ceiling that keeps time to a usable lab on a phone-class link in check, not a
# reason to hand-write copies of std (issue 17); BENCHMARKS.md says where the bytes go.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=${BUDGET_KB:-600}
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
