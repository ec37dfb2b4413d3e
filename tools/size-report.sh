#!/usr/bin/env bash
# Prints the raw, gzip and brotli sizes of the release wasm and js and of the map's first-view
# boundaries in DIST (default dist/), writes the table to target/size-report.md, and fails if the
# first-view boundaries exceed their budget (120 KiB brotli, named in the map issue).
set -euo pipefail
DIST="${1:-dist}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$ROOT/target/size-report.md"
mkdir -p "$(dirname "$out")"
shopt -s nullglob
files=("$DIST"/*.wasm "$DIST"/*.js "$DIST"/geo/china.topo.json)
if (( ${#files[@]} == 0 )); then
  echo "size report: no .wasm or .js in $DIST" >&2
  exit 1
fi
{
  printf '| file | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|\n'
  for f in "${files[@]}"; do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    br=$(brotli -q 11 -c "$f" | wc -c)
    awk -v f="$(basename "$f")" -v raw="$raw" -v gz="$gz" -v br="$br" \
      'BEGIN { printf "| %s | %d B (%.1f KiB) | %.1f KiB | %.1f KiB |\n", f, raw, raw/1024, gz/1024, br/1024 }'
  done
} | tee "$out"
first_view="$DIST/geo/china.topo.json"
[[ -f "$first_view" ]] || { echo "size report: no $first_view" >&2; exit 1; }
budget=$((120 * 1024))
br=$(brotli -q 11 -c "$first_view" | wc -c)
if (( br > budget )); then
  echo "size report: the first view's boundaries are $br B brotli, over the budget of $budget B" >&2
  exit 1
fi
echo "first-view boundaries: $br B brotli (budget $budget B)"
