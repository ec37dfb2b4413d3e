#!/usr/bin/env bash
# Benchmarks, side by side in one run so that the ratio holds even when the machine's speed
# drifts: parse + validate a generated 100,000-row observations CSV natively (release) and in
# headless Chromium (release wasm, which also asserts the ≥ 500,000 rows/s budget).
#
#   tools/bench.sh           writes target/benchmarks.md (what the test command runs)
#   tools/bench.sh --write   also replaces BENCHMARKS.md with this run's figures
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
mkdir -p target
LOG=target/bench.log

step "benchmark: native (release)"
cargo test --locked --release --test bench_native -- --ignored --nocapture 2>&1 | tee "$LOG"
step "benchmark: wasm in headless Chromium (release)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300 \
  cargo test --locked --release --target wasm32-unknown-unknown --test bench_wasm -- --nocapture 2>&1 | tee -a "$LOG"

field() { grep -Eo "BENCH $1 .*" "$LOG" | head -1 | grep -Eo "$2=[0-9.]+" | cut -d= -f2; }
native=$(field native rows_per_s)
wasm=$(field wasm rows_per_s)
[[ -n "$native" && -n "$wasm" ]] || { echo "error: a benchmark printed no figure" >&2; exit 1; }
ratio=$(awk -v w="$wasm" -v n="$native" 'BEGIN { printf "%.2f", w / n }')
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)

cat > target/benchmarks.md <<MD
# Benchmarks

Produced by \`tools/bench.sh --write\` on $(date -u +%Y-%m-%d) ($(nproc) cores, ${cpu}).
Both figures come from the same run; compare the ratio, not absolute times across runs.

## Data package: parse + validate 100,000 observation rows

The base fixture (\`tests/fixtures/base\`) with a generated \`observations.csv\` of 100,000 valid rows
(every check runs: references, periods, units, printed figures, duplicate ids). Best of 5 runs.

| where | rows/s | seconds | budget |
|---|---:|---:|---|
| native (release, \`tests/bench_native.rs\`) | ${native} | $(field native seconds) | — |
| wasm in headless Chromium (release, \`tests/bench_wasm.rs\`) | ${wasm} | $(field wasm seconds) | ≥ 500000 (asserted) |
| ratio wasm / native | ${ratio} | | |
MD
cat target/benchmarks.md
if [[ "${1:-}" == "--write" ]]; then
  cp target/benchmarks.md BENCHMARKS.md
  echo "BENCHMARKS.md updated"
fi
echo "benchmark: 1 passed"
