#!/usr/bin/env bash
# Prints the raw, gzip and brotli sizes of the release wasm and js in DIST (default dist/) and
# writes the table to target/size-report.md.
set -euo pipefail
DIST="${1:-dist}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$ROOT/target/size-report.md"
mkdir -p "$(dirname "$out")"
shopt -s nullglob
files=("$DIST"/*.wasm "$DIST"/*.js)
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
