#!/usr/bin/env bash
# Installs what is missing (incl. Debian chromium) and runs every layer of tests:
#   1. native `cargo test` (the pure core, the data package and its checker),
#   2. the data format cross-checked with the reference Frictionless validator,
#   3. wasm-bindgen-test components in headless Chromium,
#   4. a release build with its size report,
#   5. end-to-end journeys in headless Chromium against that build served on 127.0.0.1 by nginx
#      with the shipped headers (deploy/),
#   6. benchmarks with their budgets (tools/bench.sh),
#   7. every fuzz target for 20 s (tools/fuzz.sh; see TESTING.md).
# Any failing layer fails the run; a layer that runs no test fails too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"

tools/setup.sh --test
step "cargo fetch"
cargo fetch --locked

# Fails unless the runner's log shows at least one passed test and no failure.
require_tests() {
  local name=$1 log=$2 pattern=$3
  local passed
  passed=$(grep -Eo "$pattern" "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
  if [[ "$passed" -eq 0 ]]; then
    echo "error: the $name layer ran no test" >&2
    exit 1
  fi
  echo "$name: $passed passed"
  summary+=("$name: $passed passed")
}
summary=()

step "1/7 native tests: cargo test"
cargo test --locked 2>&1 | tee "$LOGS/native.log"
require_tests native "$LOGS/native.log" '[0-9]+ passed'

step "2/7 data format: frictionless and gongkai-check"
tools/check-data.sh 2>&1 | tee "$LOGS/data.log"
require_tests data "$LOGS/data.log" 'data: [0-9]+ passed'

step "3/7 component tests: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test web 2>&1 | tee "$LOGS/wasm.log"
require_tests browser-components "$LOGS/wasm.log" '[0-9]+ passed'

step "4/7 release build: trunk build --release"
trunk build --release --offline 2>&1 | tee "$LOGS/build.log"
tools/size-report.sh dist | tee "$LOGS/size.log"

step "5/7 end-to-end journeys in headless Chromium"
(cd tools && node --test --test-concurrency=1 --test-reporter=spec ../tests/e2e/*.test.mjs) 2>&1 | tee "$LOGS/e2e.log"
require_tests end-to-end "$LOGS/e2e.log" 'ℹ pass [0-9]+'

step "6/7 benchmarks: native and in headless Chromium"
tools/bench.sh 2>&1 | tee "$LOGS/bench.log"
require_tests benchmark "$LOGS/bench.log" 'benchmark: [0-9]+ passed'

step "7/7 fuzzing: every parser for 20 s"
tools/fuzz.sh 20 2>&1 | tee "$LOGS/fuzz.log"
require_tests fuzz "$LOGS/fuzz.log" 'fuzz: [0-9]+ passed'

step "all layers passed"
printf '  %s\n' "${summary[@]}"
